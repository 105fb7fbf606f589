package dev.detectc.testing.spl;

import dev.detectc.testing.spl.grammar.SplQueryParser.AggregationContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;

/**
 * One stats function ({@code count}, {@code dc(f)}, {@code sum(f)}, {@code avg(f)},
 * {@code min(f)}, {@code max(f)}, {@code values(f)}, {@code exactpercN(f)}) and the field it
 * writes. Functions other than {@code count} ignore rows where the field is null, as Splunk does.
 */
record Aggregation(String function, String argument, String alias) {

  static Aggregation of(AggregationContext ctx) {
    String function = ctx.function.getText();
    String argument = ctx.argument == null ? null : ctx.argument.getText();
    String alias = ctx.alias != null ? ctx.alias.getText() : argument == null ? function : function + "(" + argument + ")";
    return new Aggregation(function, argument, alias);
  }

  Value apply(Collection<Row> rows) {
    if (function.equals("count") && argument == null) {
      return new Value.Num(BigDecimal.valueOf(rows.size()));
    }
    if (argument == null) {
      throw new UnmodelledException(function + " without a field");
    }
    List<String> texts = new ArrayList<>();
    for (Row row : rows) {
      texts.addAll(Value.texts(row.get(argument)));
    }
    switch (function) {
      case "count":
        return new Value.Num(BigDecimal.valueOf(rows.stream().filter(row -> row.get(argument) != null).count()));
      case "dc":
        return new Value.Num(BigDecimal.valueOf(new LinkedHashSet<>(texts).size()));
      case "values":
        return Value.of(new ArrayList<>(new TreeSet<>(texts)));
      default:
        return numeric(texts);
    }
  }

  private Value numeric(List<String> texts) {
    List<BigDecimal> numbers = new ArrayList<>();
    for (String text : texts) {
      BigDecimal number = Value.number(new Value.Text(text));
      if (number != null) {
        numbers.add(number);
      }
    }
    if (numbers.isEmpty()) {
      return null;
    }
    numbers.sort(null);
    switch (function) {
      case "sum":
        return new Value.Num(numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
      case "avg":
        BigDecimal sum = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Value.Num(sum.divide(BigDecimal.valueOf(numbers.size()), MathContext.DECIMAL64));
      case "min":
        return new Value.Num(numbers.get(0));
      case "max":
        return new Value.Num(numbers.get(numbers.size() - 1));
      default:
        if (function.startsWith("exactperc")) {
          return new Value.Num(nearestRank(numbers, new BigDecimal(function.substring("exactperc".length()))));
        }
        throw new UnmodelledException("a stats function outside the emitted subset: " + function);
    }
  }

  /**
   * Splunk's default percentile (limits.conf {@code perc_method = nearest-rank}): the value at
   * rank ceil(p/100 x n), 1-based.
   */
  static BigDecimal nearestRank(List<BigDecimal> sorted, BigDecimal percentile) {
    BigDecimal rank = percentile.multiply(BigDecimal.valueOf(sorted.size())).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING);
    int index = Math.max(1, rank.intValue()) - 1;
    return sorted.get(Math.min(index, sorted.size() - 1));
  }
}
