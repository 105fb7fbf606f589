package dev.detectc.ir;

import dev.detectc.rule.ComparisonOp;
import java.util.Objects;

/**
 * A part of the field's timestamp (minute 0-59, hour 0-23, day of month, ISO week, month,
 * year, all in UTC) compared with a number.
 */
public record TimePart(String field, TimeUnit unit, ComparisonOp op, long value) implements IrExpr {

  public TimePart {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(op, "op");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitTimePart(this);
  }
}
