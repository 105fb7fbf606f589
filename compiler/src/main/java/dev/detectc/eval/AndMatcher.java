package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Every term must match; stops at the first that does not. */
final class AndMatcher implements EventMatcher {

  private final EventMatcher[] terms;

  AndMatcher(List<EventMatcher> terms) {
    this.terms = terms.toArray(new EventMatcher[0]);
  }

  @Override
  public boolean matches(JsonNode event) {
    for (EventMatcher term : terms) {
      if (!term.matches(event)) {
        return false;
      }
    }
    return true;
  }
}
