package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.JsonValues;
import java.util.function.Predicate;

/** How matchers read JSON values: scalars as text, arrays as "any element". */
final class Values {

  private Values() {}

  /** True when {@code test} holds for the value, or for any element when it is an array. */
  static boolean any(JsonNode value, Predicate<JsonNode> test) {
    if (value == null) {
      return false;
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (test.test(element)) {
          return true;
        }
      }
      return false;
    }
    return test.test(value);
  }

  /** True when {@code test} holds for the text of the value or of any array element. */
  static boolean anyText(JsonNode value, Predicate<String> test) {
    return any(value, element -> {
      String text = JsonValues.text(element);
      return text != null && test.test(text);
    });
  }
}
