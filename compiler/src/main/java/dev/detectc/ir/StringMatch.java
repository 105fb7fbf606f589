package dev.detectc.ir;

import java.util.Objects;

/**
 * A field's string value matched against a pattern. Case-insensitive unless {@code cased}.
 * {@code pattern} may still hold inner wildcards; outer ones are expressed by {@code kind}.
 */
public record StringMatch(String field, MatchKind kind, Pattern pattern, boolean cased) implements IrExpr {

  public StringMatch {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pattern, "pattern");
  }

  /** Normalises a full Sigma pattern (outer wildcards included) into kind plus inner pattern. */
  public static StringMatch of(String field, Pattern full, boolean cased) {
    boolean leading = full.startsWithAny();
    boolean trailing = full.endsWithAny() && full.parts().size() > 1;
    return new StringMatch(field, MatchKind.of(leading, trailing || (leading && full.parts().size() == 1)),
        full.trim(leading, trailing), cased);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitString(this);
  }
}
