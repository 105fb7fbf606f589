package dev.detectc.ir;

import java.util.Objects;

/** The field's value compared with another field's value of the same event ({@code |fieldref}). */
public record FieldRef(String field, MatchKind kind, String otherField, boolean cased) implements IrExpr {

  public FieldRef {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(otherField, "otherField");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitFieldRef(this);
  }
}
