package dev.detectc.target;

import dev.detectc.source.DiagnosticCode;

/**
 * Carries a {@link Refusal} out of a deep rendering call. It never leaves this package:
 * {@link RuleCompiler} turns it into a failed {@link CompileResult}.
 */
final class RefusalException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Refusal refusal;

  RefusalException(DiagnosticCode code, String message) {
    super(message, null, false, false);
    this.refusal = new Refusal(code, message);
  }

  Refusal refusal() {
    return refusal;
  }
}
