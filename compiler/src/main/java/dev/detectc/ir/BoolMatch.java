package dev.detectc.ir;

import java.util.Objects;

/** The field holds the boolean {@code value} (or its string spelling). */
public record BoolMatch(String field, boolean value) implements IrExpr {

  public BoolMatch {
    Objects.requireNonNull(field, "field");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitBool(this);
  }
}
