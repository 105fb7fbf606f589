package dev.detectc.rule;

import dev.detectc.source.SourcePosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A rule's {@code detection}: its search identifiers in written order and its condition(s). */
public record Detection(Map<String, SearchIdentifier> searches, List<ConditionSource> conditions, SourcePosition position) {

  public Detection {
    searches = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(searches));
    conditions = List.copyOf(conditions);
    Objects.requireNonNull(position, "position");
  }
}
