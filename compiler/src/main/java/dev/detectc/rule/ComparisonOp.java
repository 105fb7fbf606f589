package dev.detectc.rule;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** The comparison operators of correlation conditions and numeric modifiers. */
public enum ComparisonOp {
  GT(">"),
  GTE(">="),
  LT("<"),
  LTE("<="),
  EQ("=="),
  NEQ("!=");

  private final String symbol;

  ComparisonOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean test(BigDecimal actual, BigDecimal bound) {
    return holds(actual.compareTo(bound));
  }

  /** Whether the operator holds for a comparison result (the sign of {@code compareTo}). */
  public boolean holds(int order) {
    switch (this) {
      case GT:
        return order > 0;
      case GTE:
        return order >= 0;
      case LT:
        return order < 0;
      case LTE:
        return order <= 0;
      case EQ:
        return order == 0;
      case NEQ:
        return order != 0;
      default:
        throw new AssertionError(this);
    }
  }

  public static Optional<ComparisonOp> fromId(String id) {
    for (ComparisonOp op : values()) {
      if (op.id().equals(id)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
