package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.FieldPath;
import java.util.function.Predicate;

/** The field holds the boolean, or its spelling {@code true}/{@code false} in any case. */
final class BoolMatcher implements EventMatcher {

  private final FieldPath field;
  private final boolean value;
  /** Made once: a capturing lambda written in matches() would be a new object per event. */
  private final Predicate<JsonNode> holds = this::holds;

  BoolMatcher(FieldPath field, boolean value) {
    this.field = field;
    this.value = value;
  }

  @Override
  public boolean matches(JsonNode event) {
    return Values.any(field.get(event), holds);
  }

  private boolean holds(JsonNode node) {
    return node.isBoolean() ? node.booleanValue() == value
        : node.isTextual() && node.textValue().equalsIgnoreCase(value ? "true" : "false");
  }
}
