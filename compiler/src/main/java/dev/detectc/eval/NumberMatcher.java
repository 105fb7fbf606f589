package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.FieldPath;
import dev.detectc.eval.input.JsonValues;
import dev.detectc.rule.ComparisonOp;
import java.math.BigDecimal;
import java.util.function.Predicate;

/**
 * The field's number (a JSON number or a numeric string) compared with a bound. Whole numbers
 * against a whole bound compare as longs; everything else as {@link BigDecimal}, exactly.
 */
final class NumberMatcher implements EventMatcher {

  private final FieldPath field;
  private final ComparisonOp op;
  private final BigDecimal bound;
  private final boolean wholeBound;
  private final long longBound;
  /** Made once: a method reference taken per call would be a new object per event. */
  private final Predicate<JsonNode> test = this::test;

  NumberMatcher(FieldPath field, ComparisonOp op, BigDecimal bound) {
    this.field = field;
    this.op = op;
    this.bound = bound;
    BigDecimal stripped = bound.stripTrailingZeros();
    this.wholeBound = stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0;
    this.longBound = wholeBound ? bound.longValue() : 0;
  }

  @Override
  public boolean matches(JsonNode event) {
    return Values.any(field.get(event), test);
  }

  private boolean test(JsonNode value) {
    if (wholeBound && value.isIntegralNumber() && value.canConvertToLong()) {
      return op.holds(Long.compare(value.longValue(), longBound));
    }
    BigDecimal number = JsonValues.number(value);
    return number != null && op.holds(number.compareTo(bound));
  }
}
