package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.FieldPath;

/** A field's string (or number, or boolean) text against a compiled Sigma string pattern. */
final class StringMatcher implements EventMatcher {

  private final FieldPath field;
  private final TextTest test;

  StringMatcher(FieldPath field, TextTest test) {
    this.field = field;
    this.test = test;
  }

  @Override
  public boolean matches(JsonNode event) {
    return Values.anyText(field.get(event), test);
  }
}
