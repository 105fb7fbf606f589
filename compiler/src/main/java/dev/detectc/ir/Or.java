package dev.detectc.ir;

import java.util.List;

/** Or: at least one term must hold. Built through {@link IrExpr#or}, which flattens. */
public record Or(List<IrExpr> terms) implements IrExpr {

  public Or {
    terms = List.copyOf(terms);
    if (terms.size() < 2) {
      throw new IllegalArgumentException("or needs two or more terms");
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitOr(this);
  }
}
