package dev.detectc.source;

import java.util.Objects;

/** A value together with where it was written, for findings that point at one entry of a list. */
public record Located<T>(T value, SourcePosition position) {

  public Located {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(position, "position");
  }
}
