package dev.detectc.target;

import dev.detectc.source.DiagnosticCode;
import java.util.Objects;

/**
 * Why a target cannot compile a rule: a stable code and a message that says what and why
 * (for example "kql: a regular expression with lookbehind is not supported by RE2").
 */
public record Refusal(DiagnosticCode code, String message) {

  public Refusal {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
