package dev.detectc.eval.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Reads an event's time from the first of a list of fields that holds one. Times are epoch
 * microseconds; ISO-8601 text (with {@code T} or a space, with or without a zone: UTC is
 * assumed) and epoch numbers or numeric strings are accepted, the epoch unit chosen by
 * magnitude (seconds below 10^11, then milliseconds, microseconds, nanoseconds).
 */
public final class EventTime {

  /** No usable time. */
  public static final long NONE = Long.MIN_VALUE;

  public static final List<String> DEFAULT_FIELDS =
      List.of("@timestamp", "timestamp", "ts", "TimeCreated", "UtcTime", "TimeGenerated", "_time");

  private final List<FieldPath> fields;

  public EventTime(List<String> fieldNames) {
    this.fields = fieldNames.stream().map(FieldPath::of).toList();
  }

  public static EventTime defaults() {
    return new EventTime(DEFAULT_FIELDS);
  }

  /** The fields looked at, in order. */
  public List<String> fieldNames() {
    return fields.stream().map(FieldPath::name).toList();
  }

  /** The time of {@code event}, or {@link #NONE}. */
  public long of(JsonNode event) {
    for (FieldPath field : fields) {
      JsonNode value = field.get(event);
      if (value != null) {
        long time = parse(value);
        if (time != NONE) {
          return time;
        }
      }
    }
    return NONE;
  }

  /** The time a JSON value stands for, or {@link #NONE}. */
  public static long parse(JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return fromEpoch(value.longValue());
    }
    if (value.isNumber()) {
      return fromEpoch(value.doubleValue());
    }
    if (value.isTextual()) {
      return parse(value.textValue());
    }
    if (value.isObject() && value.has("SystemTime")) {
      // Windows events rendered from XML keep the time as an attribute of TimeCreated.
      return parse(value.get("SystemTime"));
    }
    return NONE;
  }

  /** The time a string stands for (ISO-8601 or an epoch number), or {@link #NONE}. */
  public static long parse(String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return NONE;
    }
    if (IsoTimestamp.looksNumeric(trimmed)) {
      try {
        return trimmed.indexOf('.') < 0 && trimmed.indexOf('e') < 0 && trimmed.indexOf('E') < 0 && trimmed.length() < 19
            ? fromEpoch(Long.parseLong(trimmed)) : fromEpoch(Double.parseDouble(trimmed));
      } catch (NumberFormatException e) {
        return NONE;
      }
    }
    return IsoTimestamp.parse(trimmed);
  }

  static long fromEpoch(long value) {
    long magnitude = Math.abs(value);
    if (magnitude < 100_000_000_000L) {
      return value * 1_000_000L;
    }
    if (magnitude < 100_000_000_000_000L) {
      return value * 1_000L;
    }
    return magnitude < 100_000_000_000_000_000L ? value : value / 1_000L;
  }

  static long fromEpoch(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return NONE;
    }
    double magnitude = Math.abs(value);
    double factor = magnitude < 1e11 ? 1e6 : magnitude < 1e14 ? 1e3 : magnitude < 1e17 ? 1 : 1e-3;
    return Math.round(value * factor);
  }

  /** ISO-8601 UTC text for an epoch-microsecond time, as alerts print it. */
  public static String format(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L).toString();
  }
}
