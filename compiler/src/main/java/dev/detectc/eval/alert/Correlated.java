package dev.detectc.eval.alert;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a correlation alert adds: the group's field values, the contributing events (in time
 * order), the time span they cover (epoch microseconds) and the aggregated value.
 */
public record Correlated(Map<String, String> group, List<EventRef> lines, long firstTime, long lastTime, BigDecimal value) {

  public Correlated {
    group = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(group));
    lines = List.copyOf(lines);
    Objects.requireNonNull(value, "value");
  }
}
