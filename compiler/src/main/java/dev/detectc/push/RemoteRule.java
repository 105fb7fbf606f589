package dev.detectc.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a SIEM holds for one key: the part of its answer the managed fields are compared with,
 * and the version tag an update must send back (Sentinel's {@code etag}), when there is one.
 */
public record RemoteRule(JsonNode state, Optional<String> etag) {

  public RemoteRule {
    state = Objects.requireNonNull(state, "state").deepCopy();
    Objects.requireNonNull(etag, "etag");
  }

  @Override
  public JsonNode state() {
    return state.deepCopy();
  }
}
