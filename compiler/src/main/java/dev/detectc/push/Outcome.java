package dev.detectc.push;

/** What happened to one rule in a push, as the result table shows it. */
public enum Outcome {
  CREATED("created"),
  UPDATED("updated"),
  UNCHANGED("unchanged"),
  WOULD_CREATE("would create"),
  WOULD_UPDATE("would update"),
  /** The SIEM refused the rule or could not be reached. */
  FAILED("failed"),
  /** The rule has errors of its own (or its target cannot express it): nothing was sent. */
  NOT_PUSHED("not pushed"),
  /** Not attempted: an earlier rule hit a failure that would repeat for every rule. */
  SKIPPED("skipped");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** True when this push wrote the rule into the SIEM. */
  public boolean pushed() {
    return this == CREATED || this == UPDATED;
  }

  /** True when the SIEM side went wrong for this rule. */
  public boolean failed() {
    return this == FAILED || this == SKIPPED;
  }
}
