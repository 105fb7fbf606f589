package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** Negation; a negated field test also holds when the field is absent, as in Sigma. */
final class NotMatcher implements EventMatcher {

  private final EventMatcher operand;

  NotMatcher(EventMatcher operand) {
    this.operand = operand;
  }

  @Override
  public boolean matches(JsonNode event) {
    return !operand.matches(event);
  }
}
