package dev.detectc.push;

import java.util.List;
import java.util.Objects;

/**
 * One row of the result table: which rule, where it came from, its key in the SIEM, what
 * happened, the managed fields that differed (for updates), and a reason or note.
 */
public record RuleResult(String ruleId, String title, String file, String key, Outcome outcome,
    List<FieldChange> changes, String detail) {

  public RuleResult {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(outcome, "outcome");
    changes = List.copyOf(changes);
    Objects.requireNonNull(detail, "detail");
  }

  static RuleResult of(DesiredRule rule, Outcome outcome, List<FieldChange> changes, String detail) {
    return new RuleResult(rule.ruleId(), rule.title(), rule.file(), rule.key(), outcome, changes, detail);
  }
}
