package dev.detectc.rule;

import dev.detectc.source.SourcePosition;
import java.util.Objects;

/**
 * One scalar value of a detection item, typed as YAML resolved it. {@code text} is the scalar's
 * value (for strings, exactly as written, wildcards and backslashes still unparsed).
 */
public record SigmaValue(Type type, String text, SourcePosition position) {

  /** The YAML types Sigma distinguishes. */
  public enum Type {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }

  public SigmaValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(position, "position");
  }

  public boolean isNumber() {
    return type == Type.INTEGER || type == Type.FLOAT;
  }

  public boolean isNull() {
    return type == Type.NULL;
  }

  @Override
  public String toString() {
    return type == Type.STRING ? "'" + text + "'" : text;
  }
}
