package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.FieldPath;
import java.util.List;
import java.util.function.Predicate;

/**
 * A field's string (or number, or boolean) text against compiled Sigma string patterns: true
 * when any pattern holds for the value, or for any element of an array value. Several patterns
 * come from a Sigma value list ({@code field: [a, b, c]}), which is an Or of one comparison per
 * value: the field is then looked up once for all of them, not once per value.
 */
final class StringMatcher implements EventMatcher {

  private final FieldPath field;
  private final TextTest[] tests;
  /** The one pattern itself, or a test of them all; made once, not per event. */
  private final Predicate<String> test;

  StringMatcher(FieldPath field, List<TextTest> tests) {
    if (tests.isEmpty()) {
      throw new IllegalArgumentException("a string matcher needs a pattern");
    }
    this.field = field;
    this.tests = tests.toArray(new TextTest[0]);
    this.test = this.tests.length == 1 ? this.tests[0] : this::anyHolds;
  }

  @Override
  public boolean matches(JsonNode event) {
    return Values.anyText(field.get(event), test);
  }

  private boolean anyHolds(String text) {
    for (TextTest candidate : tests) {
      if (candidate.test(text)) {
        return true;
      }
    }
    return false;
  }
}
