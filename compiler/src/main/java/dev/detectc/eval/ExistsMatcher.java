package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.FieldPath;

/** The field is present, whatever its value (null and empty included). */
final class ExistsMatcher implements EventMatcher {

  private final FieldPath field;

  ExistsMatcher(FieldPath field) {
    this.field = field;
  }

  @Override
  public boolean matches(JsonNode event) {
    return field.get(event) != null;
  }
}
