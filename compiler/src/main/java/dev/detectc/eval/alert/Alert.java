package dev.detectc.eval.alert;

import dev.detectc.rule.RuleInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule fired. {@code event} is the matching event, or for a correlation the event that made
 * its condition true; {@code correlated} is present for correlation alerts only.
 */
public record Alert(RuleInfo rule, EventRef event, Optional<Correlated> correlated) {

  public Alert {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(correlated, "correlated");
  }

  /** The name fixtures and reports use for the rule: its Sigma name, else its id, else its title. */
  public String ruleName() {
    return rule.nameValue() != null ? rule.nameValue() : rule.idValue() != null ? rule.idValue() : rule.title();
  }
}
