package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Some term must match; stops at the first that does. */
final class OrMatcher implements EventMatcher {

  private final EventMatcher[] terms;

  OrMatcher(List<EventMatcher> terms) {
    this.terms = terms.toArray(new EventMatcher[0]);
  }

  @Override
  public boolean matches(JsonNode event) {
    for (EventMatcher term : terms) {
      if (term.matches(event)) {
        return true;
      }
    }
    return false;
  }
}
