package dev.detectc.cli;

/** Every exit code detectc uses, in one place; scripts and CI rely on them. */
public final class ExitCodes {

  /** Clean: no errors (lint warnings allowed). */
  public static final int OK = 0;

  /** Findings: failed fixtures, or lint findings the user asked to fail on. */
  public static final int FINDINGS = 1;

  /** Rule or input errors; every other rule was still processed. */
  public static final int RULE_ERROR = 2;

  /** Bad arguments or configuration. */
  public static final int USAGE = 3;

  /**
   * {@code push} only: a SIEM refused a rule or could not be reached. Rules pushed before and
   * after are listed as pushed; rerunning is safe because push is idempotent.
   */
  public static final int PUSH_FAILED = 4;

  /** detectc itself failed: a bug. */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
