package dev.detectc.ir;

import java.util.Objects;

/**
 * A keyword search: the pattern must match some string value anywhere in the event.
 * Keywords are substring searches in practice, so a plain keyword lowers to {@code CONTAINS}.
 */
public record KeywordMatch(MatchKind kind, Pattern pattern, boolean cased) implements IrExpr {

  public KeywordMatch {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pattern, "pattern");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitKeyword(this);
  }
}
