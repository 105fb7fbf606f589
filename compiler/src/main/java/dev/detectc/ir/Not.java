package dev.detectc.ir;

import java.util.Objects;

/** Negation. Note that a negated field match also holds when the field is absent, as in Sigma. */
public record Not(IrExpr operand) implements IrExpr {

  public Not {
    Objects.requireNonNull(operand, "operand");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitNot(this);
  }
}
