package dev.detectc.rule;

import dev.detectc.source.SourcePosition;
import java.util.Map;
import java.util.Objects;

/**
 * A rule's {@code logsource}: which telemetry it reads. Absent attributes are null;
 * {@code extra} holds any other keys as written.
 */
public record LogSource(
    String category,
    String product,
    String service,
    String definition,
    Map<String, String> extra,
    Map<String, SourcePosition> keyPositions,
    SourcePosition position) {

  public LogSource {
    extra = Map.copyOf(extra);
    keyPositions = Map.copyOf(keyPositions);
    Objects.requireNonNull(position, "position");
  }

  public static LogSource empty(SourcePosition position) {
    return new LogSource(null, null, null, null, Map.of(), Map.of(), position);
  }

  /**
   * True when every attribute this log source names is also named, equally, by {@code other}:
   * a filter for {@code product: windows} applies to every Windows rule.
   */
  public boolean contains(LogSource other) {
    return matches(category, other.category)
        && matches(product, other.product)
        && matches(service, other.service);
  }

  private static boolean matches(String mine, String theirs) {
    return mine == null || mine.equalsIgnoreCase(theirs == null ? "" : theirs);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    append(text, "category", category);
    append(text, "product", product);
    append(text, "service", service);
    return text.length() == 0 ? "(any)" : text.toString();
  }

  private static void append(StringBuilder text, String key, String value) {
    if (value != null) {
      text.append(text.length() == 0 ? "" : ", ").append(key).append('=').append(value);
    }
  }
}
