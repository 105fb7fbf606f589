package dev.detectc.eval.correlation;

import dev.detectc.rule.CorrelationType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running value of one group's window: items enter and leave as the window slides, and
 * {@link #value()} is what the correlation's condition is tested against.
 */
abstract class Aggregate {

  abstract void add(Item item);

  abstract void remove(Item item);

  /** The current value, or null when the window holds nothing to aggregate. */
  abstract BigDecimal value();

  static Aggregate of(CorrelationType type, BigDecimal percentile) {
    switch (type) {
      case VALUE_COUNT:
        return new Distinct();
      case VALUE_SUM:
        return new Sum(false);
      case VALUE_AVG:
        return new Sum(true);
      case VALUE_PERCENTILE:
        return new Percentile(percentile == null ? BigDecimal.valueOf(50) : percentile);
      default:
        return new Count();
    }
  }

  /** event_count: how many items. */
  static final class Count extends Aggregate {
    private long count;

    @Override
    void add(Item item) {
      count++;
    }

    @Override
    void remove(Item item) {
      count--;
    }

    @Override
    BigDecimal value() {
      return BigDecimal.valueOf(count);
    }
  }

  /** value_count: how many distinct values. */
  static final class Distinct extends Aggregate {
    private final Map<Object, Integer> counts = new HashMap<>();

    @Override
    void add(Item item) {
      counts.merge(item.value(), 1, Integer::sum);
    }

    @Override
    void remove(Item item) {
      counts.computeIfPresent(item.value(), (value, count) -> count == 1 ? null : count - 1);
    }

    @Override
    BigDecimal value() {
      return BigDecimal.valueOf(counts.size());
    }
  }

  /** value_sum, and value_avg (the sum over the count, to 16 significant digits). */
  static final class Sum extends Aggregate {
    private final boolean average;
    private BigDecimal sum = BigDecimal.ZERO;
    private long count;

    Sum(boolean average) {
      this.average = average;
    }

    @Override
    void add(Item item) {
      sum = sum.add((BigDecimal) item.value());
      count++;
    }

    @Override
    void remove(Item item) {
      sum = sum.subtract((BigDecimal) item.value());
      count--;
    }

    @Override
    BigDecimal value() {
      if (count == 0) {
        return null;
      }
      return average ? sum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).stripTrailingZeros() : sum;
    }
  }

  /**
   * value_percentile: linear interpolation between the closest ranks (rank = p/100 x (n-1) over
   * the sorted values), as NumPy's default and spreadsheets' PERCENTILE.INC compute it.
   */
  static final class Percentile extends Aggregate {
    private final BigDecimal percentile;
    private final TreeMap<BigDecimal, Integer> values = new TreeMap<>();
    private long count;

    Percentile(BigDecimal percentile) {
      this.percentile = percentile;
    }

    @Override
    void add(Item item) {
      values.merge((BigDecimal) item.value(), 1, Integer::sum);
      count++;
    }

    @Override
    void remove(Item item) {
      values.computeIfPresent((BigDecimal) item.value(), (value, n) -> n == 1 ? null : n - 1);
      count--;
    }

    @Override
    BigDecimal value() {
      if (count == 0) {
        return null;
      }
      BigDecimal rank = percentile.multiply(BigDecimal.valueOf(count - 1)).divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
      long lower = rank.longValue();
      BigDecimal fraction = rank.subtract(BigDecimal.valueOf(lower));
      BigDecimal low = nth(lower);
      if (fraction.signum() == 0) {
        return low;
      }
      BigDecimal high = nth(lower + 1);
      return low.add(high.subtract(low).multiply(fraction)).round(MathContext.DECIMAL64).stripTrailingZeros();
    }

    private BigDecimal nth(long index) {
      long seen = 0;
      for (Map.Entry<BigDecimal, Integer> entry : values.entrySet()) {
        seen += entry.getValue();
        if (index < seen) {
          return entry.getKey();
        }
      }
      return values.lastKey();
    }
  }
}
