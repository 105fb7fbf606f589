package dev.detectc.testing.spl;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event or result row: its fields (including {@code _time} and, for events, {@code _raw})
 * and, for events read from a fixture, the file and 1-based line it came from.
 */
public final class Row {

  private final Map<String, Value> fields;
  private final String file;
  private final long line;

  Row(Map<String, Value> fields, String file, long line) {
    this.fields = new LinkedHashMap<>(fields);
    this.file = file;
    this.line = line;
  }

  /** An event with its time in seconds since the epoch. */
  public static Row event(Map<String, java.util.List<String>> fields, String raw, BigDecimal time, String file, long line) {
    Map<String, Value> values = new LinkedHashMap<>();
    fields.forEach((name, texts) -> {
      Value value = Value.of(texts);
      if (value != null) {
        values.put(name, value);
      }
    });
    values.put("_raw", new Value.Text(raw));
    values.put("_time", new Value.Num(time));
    return new Row(values, file, line);
  }

  Value get(String field) {
    return fields.get(field);
  }

  Row with(String field, Value value) {
    Row copy = new Row(fields, file, line);
    if (value == null) {
      copy.fields.remove(field);
    } else {
      copy.fields.put(field, value);
    }
    return copy;
  }

  Map<String, Value> fields() {
    return fields;
  }

  public BigDecimal time() {
    BigDecimal time = Value.number(fields.get("_time"));
    if (time == null) {
      throw new UnmodelledException("a row without _time");
    }
    return time;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  /** A field's single text, or null. */
  public String text(String field) {
    Value value = fields.get(field);
    return value == null ? null : Value.text(value);
  }

  @Override
  public String toString() {
    return (file == null ? "" : file + ":" + line + " ") + fields;
  }
}
