package dev.detectc.ir;

import java.util.Objects;

/** One piece of a Sigma string: literal text, {@code *} (any run) or {@code ?} (exactly one character). */
public record PatternPart(Kind kind, String text) {

  /** What the part matches. */
  public enum Kind {
    LITERAL,
    ANY_CHARS,
    ONE_CHAR
  }

  public static final PatternPart ANY = new PatternPart(Kind.ANY_CHARS, "");
  public static final PatternPart ONE = new PatternPart(Kind.ONE_CHAR, "");

  public PatternPart {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (kind != Kind.LITERAL && !text.isEmpty()) {
      throw new IllegalArgumentException("wildcards carry no text");
    }
  }

  public static PatternPart literal(String text) {
    return new PatternPart(Kind.LITERAL, text);
  }

  public boolean isLiteral() {
    return kind == Kind.LITERAL;
  }
}
