package dev.detectc.push;

import java.util.Objects;
import java.util.Optional;

/** One rule in push order: its desired state, or the result saying why nothing will be sent for it. */
public record PlannedRule(Optional<DesiredRule> desired, Optional<RuleResult> notPushed) {

  public PlannedRule {
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(notPushed, "notPushed");
    if (desired.isPresent() == notPushed.isPresent()) {
      throw new IllegalArgumentException("a planned rule is either ready or not pushed");
    }
  }

  public static PlannedRule ready(DesiredRule rule) {
    return new PlannedRule(Optional.of(rule), Optional.empty());
  }

  public static PlannedRule notPushed(String ruleId, String title, String file, String reason) {
    return new PlannedRule(Optional.empty(), Optional.of(
        new RuleResult(ruleId, title, file, "-", Outcome.NOT_PUSHED, java.util.List.of(), reason)));
  }
}
