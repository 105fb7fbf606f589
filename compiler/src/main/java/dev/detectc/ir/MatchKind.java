package dev.detectc.ir;

/**
 * Where a string pattern must sit in the value. Lowering moves a leading and/or trailing
 * {@code *} into the kind, so renderers see {@code contains "x"} rather than {@code "*x*"};
 * wildcards that remain are inner ones.
 */
public enum MatchKind {
  EQUALS,
  CONTAINS,
  STARTS_WITH,
  ENDS_WITH;

  /** The kind for a pattern with the given outer wildcards. */
  public static MatchKind of(boolean leadingAny, boolean trailingAny) {
    if (leadingAny && trailingAny) {
      return CONTAINS;
    }
    if (leadingAny) {
      return ENDS_WITH;
    }
    return trailingAny ? STARTS_WITH : EQUALS;
  }

  public boolean anchoredStart() {
    return this == EQUALS || this == STARTS_WITH;
  }

  public boolean anchoredEnd() {
    return this == EQUALS || this == ENDS_WITH;
  }

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
  }
}
