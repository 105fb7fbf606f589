package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** A compiled condition: does this event (a JSON object) match? */
@FunctionalInterface
public interface EventMatcher {

  boolean matches(JsonNode event);
}
