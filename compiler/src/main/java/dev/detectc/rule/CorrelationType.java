package dev.detectc.rule;

import java.util.Locale;
import java.util.Optional;

/** The correlation types of Sigma 2.1. */
public enum CorrelationType {
  EVENT_COUNT,
  VALUE_COUNT,
  TEMPORAL,
  TEMPORAL_ORDERED,
  VALUE_SUM,
  VALUE_AVG,
  VALUE_PERCENTILE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Types whose condition aggregates a field ({@code condition.field} is required). */
  public boolean needsField() {
    return this == VALUE_COUNT || this == VALUE_SUM || this == VALUE_AVG || this == VALUE_PERCENTILE;
  }

  public boolean isTemporal() {
    return this == TEMPORAL || this == TEMPORAL_ORDERED;
  }

  public static Optional<CorrelationType> fromId(String id) {
    for (CorrelationType type : values()) {
      if (type.id().equals(id)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
