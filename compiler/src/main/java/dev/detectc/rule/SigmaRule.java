package dev.detectc.rule;

import java.util.Objects;

/** A Sigma detection rule: metadata, log source and detection. */
public record SigmaRule(RuleInfo info, LogSource logsource, Detection detection) implements SigmaDocument {

  public SigmaRule {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(logsource, "logsource");
    Objects.requireNonNull(detection, "detection");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitRule(this);
  }
}
