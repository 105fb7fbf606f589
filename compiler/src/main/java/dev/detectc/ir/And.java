package dev.detectc.ir;

import java.util.List;

/** And: every term must hold. Built through {@link IrExpr#and}, which flattens. */
public record And(List<IrExpr> terms) implements IrExpr {

  public And {
    terms = List.copyOf(terms);
    if (terms.size() < 2) {
      throw new IllegalArgumentException("and needs two or more terms");
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitAnd(this);
  }
}
