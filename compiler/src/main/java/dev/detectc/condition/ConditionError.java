package dev.detectc.condition;

import dev.detectc.source.DiagnosticCode;
import java.util.Objects;

/** A problem in a condition string, at a character offset into it. */
public record ConditionError(DiagnosticCode code, int offset, String message) {

  public ConditionError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
