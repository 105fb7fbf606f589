package dev.detectc.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One managed field that differs between the SIEM and the rule: its path ({@code query},
 * {@code properties.tactics}, {@code threat[0].tactic.id}), the value the SIEM holds (empty when
 * absent) and the value detectc wants.
 */
public record FieldChange(String path, Optional<JsonNode> before, JsonNode after) {

  public FieldChange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
