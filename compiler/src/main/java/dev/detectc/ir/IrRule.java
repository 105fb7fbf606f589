package dev.detectc.ir;

import dev.detectc.rule.LogSource;
import dev.detectc.rule.RuleInfo;
import java.util.List;
import java.util.Objects;

/**
 * A lowered detection rule. Each entry of {@code conditions} is one query (Sigma condition
 * lists are OR-ed); filters have already been AND-ed in.
 */
public record IrRule(RuleInfo info, LogSource logsource, List<IrExpr> conditions, boolean emitted) implements IrDocument {

  public IrRule {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(logsource, "logsource");
    conditions = List.copyOf(conditions);
    if (conditions.isEmpty()) {
      throw new IllegalArgumentException("a rule needs at least one condition");
    }
  }

  /** All conditions as one expression. */
  public IrExpr condition() {
    return IrExpr.or(conditions);
  }

  public IrRule withEmitted(boolean value) {
    return new IrRule(info, logsource, conditions, value);
  }
}
