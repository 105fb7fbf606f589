package dev.detectc.ir;

/** The regular-expression sub-modifiers {@code i}, {@code m} and {@code s}. */
public enum RegexFlag {
  IGNORECASE,
  MULTILINE,
  DOTALL;

  /** The inline-flag letter, as in {@code (?i)}. */
  public char letter() {
    switch (this) {
      case IGNORECASE:
        return 'i';
      case MULTILINE:
        return 'm';
      default:
        return 's';
    }
  }
}
