package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.JsonValues;

/** A keyword search: the pattern against every string and number anywhere in the event. */
final class KeywordMatcher implements EventMatcher {

  private final TextTest test;

  KeywordMatcher(TextTest test) {
    this.test = test;
  }

  @Override
  public boolean matches(JsonNode event) {
    return search(event);
  }

  private boolean search(JsonNode node) {
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        if (search(child)) {
          return true;
        }
      }
      return false;
    }
    return (node.isTextual() || node.isNumber()) && test.test(JsonValues.text(node));
  }
}
