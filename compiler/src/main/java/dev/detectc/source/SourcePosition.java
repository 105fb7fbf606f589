package dev.detectc.source;

/** A 1-based line and column in a source file; {@link #UNKNOWN} when a problem has no place. */
public record SourcePosition(int line, int column) {

  public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

  public SourcePosition {
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("negative position " + line + ":" + column);
    }
  }

  public boolean isKnown() {
    return line > 0;
  }

  /** The position {@code offset} characters further along the same line. */
  public SourcePosition shifted(int offset) {
    return isKnown() ? new SourcePosition(line, column + offset) : this;
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
