package dev.detectc.rule;

import dev.detectc.source.Located;
import dev.detectc.source.SourcePosition;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Sigma correlation (meta) rule. {@code thresholds} are AND-ed, so the two-sided range the
 * specification allows ({@code gt: 100, lte: 200}) is two entries. {@code extendedCondition} is
 * the boolean rule-name condition some temporal correlations use instead of a threshold.
 */
public record CorrelationRule(
    RuleInfo info,
    CorrelationType type,
    List<Located<String>> rules,
    List<String> groupBy,
    Duration timespan,
    String timespanText,
    List<Threshold> thresholds,
    List<String> fields,
    BigDecimal percentile,
    Map<String, Map<String, String>> aliases,
    boolean generate,
    ConditionSource extendedCondition,
    SourcePosition position)
    implements SigmaDocument {

  public CorrelationRule {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(type, "type");
    rules = List.copyOf(rules);
    groupBy = List.copyOf(groupBy);
    Objects.requireNonNull(timespan, "timespan");
    thresholds = List.copyOf(thresholds);
    fields = List.copyOf(fields);
    aliases = Map.copyOf(aliases);
    Objects.requireNonNull(position, "position");
  }

  /** One {@code op: value} criterion of the condition. */
  public record Threshold(ComparisonOp op, BigDecimal value) {
    public Threshold {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(value, "value");
    }

    public boolean test(BigDecimal actual) {
      return op.test(actual, value);
    }
  }

  /** True when every threshold holds for {@code actual}. */
  public boolean conditionHolds(BigDecimal actual) {
    // A plain loop: windows test this once per counted event.
    for (Threshold threshold : thresholds) {
      if (!threshold.test(actual)) {
        return false;
      }
    }
    return true;
  }

  /** The field {@code alias} stands for in events of the rule named {@code ruleName}, or the alias itself. */
  public String resolveAlias(String alias, String ruleName) {
    Map<String, String> byRule = aliases.get(alias);
    if (byRule == null || ruleName == null) {
      return alias;
    }
    return byRule.getOrDefault(ruleName, alias);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitCorrelation(this);
  }
}
