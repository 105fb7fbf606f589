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
    if (value == null) {
      return false;
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (textHolds(element, test)) {
          return true;
        }
      }
      return false;
    }
    // Written out rather than through any(): a wrapping lambda would be made per call.
    return textHolds(value, test);
  }

  private static boolean textHolds(JsonNode value, Predicate<String> test) {
    String text = JsonValues.text(value);
    return text != null && test.test(text);
  }
}
