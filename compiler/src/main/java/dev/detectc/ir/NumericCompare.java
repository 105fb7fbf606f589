package dev.detectc.ir;

import dev.detectc.rule.ComparisonOp;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The field's numeric value compared with a number: plain numeric values lower to {@code EQ},
 * the {@code lt/lte/gt/gte} modifiers to the matching operator. A numeric string in the event
 * ("252") compares as its number.
 */
public record NumericCompare(String field, ComparisonOp op, BigDecimal value) implements IrExpr {

  public NumericCompare {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(value, "value");
    if (op == ComparisonOp.NEQ) {
      throw new IllegalArgumentException("neq lowers to Not(EQ)");
    }
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitNumeric(this);
  }
}
