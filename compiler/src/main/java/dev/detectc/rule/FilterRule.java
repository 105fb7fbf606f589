package dev.detectc.rule;

import dev.detectc.source.Located;
import java.util.List;
import java.util.Objects;

/**
 * A Sigma meta filter: its detection is AND-ed into every rule it names (or every rule whose
 * log source it contains, when {@code appliesToAny}).
 */
public record FilterRule(
    RuleInfo info, LogSource logsource, boolean appliesToAny, List<Located<String>> rules, Detection detection)
    implements SigmaDocument {

  public FilterRule {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(logsource, "logsource");
    rules = List.copyOf(rules);
    Objects.requireNonNull(detection, "detection");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitFilter(this);
  }
}
