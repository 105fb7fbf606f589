package dev.detectc.source;

import java.util.Objects;

/** One problem found in one file, with the place it points at and a stable code. */
public record Diagnostic(Severity severity, DiagnosticCode code, String file, SourcePosition position, String message) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic error(DiagnosticCode code, String file, SourcePosition position, String message) {
    return new Diagnostic(Severity.ERROR, code, file, position, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The same finding with another severity; lint warnings become errors under {@code --strict}. */
  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(newSeverity, code, file, position, message);
  }

  /** The one-line form {@code file:line:column: severity[code]: message}. */
  public String headline() {
    String where = position.isKnown() ? file + ":" + position : file;
    return where + ": " + severity.label() + "[" + code.id() + "]: " + message;
  }
}
