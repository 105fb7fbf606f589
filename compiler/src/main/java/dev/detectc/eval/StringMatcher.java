package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.FieldPath;
import dev.detectc.eval.input.JsonValues;
import java.util.List;

/**
 * A field's string (or number, or boolean) text against compiled Sigma string patterns: true
 * when any pattern holds for the value, or for any element of an array value. Several patterns
 * come from a Sigma value list ({@code field: [a, b, c]}), which is an Or of one comparison per
 * value: the field is then looked up once for all of them, not once per value.
 */
final class StringMatcher implements EventMatcher {

  private final FieldPath field;
  private final TextTest[] tests;

  StringMatcher(FieldPath field, List<TextTest> tests) {
    if (tests.isEmpty()) {
      throw new IllegalArgumentException("a string matcher needs a pattern");
    }
    this.field = field;
    this.tests = tests.toArray(new TextTest[0]);
  }

  @Override
  public boolean matches(JsonNode event) {
    JsonNode value = field.get(event);
    if (value == null) {
      return false;
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (holds(JsonValues.text(element))) {
          return true;
        }
      }
      return false;
    }
    return holds(JsonValues.text(value));
  }

  private boolean holds(String text) {
    if (text == null) {
      return false;
    }
    for (TextTest test : tests) {
      if (test.test(text)) {
        return true;
      }
    }
    return false;
  }
}
