package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.FieldPath;

/** Sigma's {@code field: null}: absent or JSON null; an empty string is a value, not null. */
final class NullMatcher implements EventMatcher {

  private final FieldPath field;

  NullMatcher(FieldPath field) {
    this.field = field;
  }

  @Override
  public boolean matches(JsonNode event) {
    JsonNode value = field.get(event);
    return value == null || value.isNull();
  }
}
