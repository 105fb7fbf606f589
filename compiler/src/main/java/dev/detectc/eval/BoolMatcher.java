package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.FieldPath;

/** The field holds the boolean, or its spelling {@code true}/{@code false} in any case. */
final class BoolMatcher implements EventMatcher {

  private final FieldPath field;
  private final boolean value;

  BoolMatcher(FieldPath field, boolean value) {
    this.field = field;
    this.value = value;
  }

  @Override
  public boolean matches(JsonNode event) {
    return Values.any(field.get(event), node -> node.isBoolean() ? node.booleanValue() == value
        : node.isTextual() && node.textValue().equalsIgnoreCase(value ? "true" : "false"));
  }
}
