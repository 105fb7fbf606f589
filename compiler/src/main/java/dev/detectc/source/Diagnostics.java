package dev.detectc.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects diagnostics for one file while a phase runs, so that every problem is reported
 * rather than only the first.
 */
public final class Diagnostics {

  private final String file;
  private final List<Diagnostic> items = new ArrayList<>();

  public Diagnostics(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  public void error(DiagnosticCode code, SourcePosition position, String message) {
    items.add(new Diagnostic(Severity.ERROR, code, file, position, message));
  }

  public void warning(DiagnosticCode code, SourcePosition position, String message) {
    items.add(new Diagnostic(Severity.WARNING, code, file, position, message));
  }

  public void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public int size() {
    return items.size();
  }

  /** Errors recorded since {@code mark} (a value of {@link #size()}). */
  public boolean hasErrorsSince(int mark) {
    return items.subList(mark, items.size()).stream().anyMatch(Diagnostic::isError);
  }

  public List<Diagnostic> toList() {
    return List.copyOf(items);
  }
}
