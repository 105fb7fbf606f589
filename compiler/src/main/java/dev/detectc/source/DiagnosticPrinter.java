package dev.detectc.source;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Prints diagnostics the way compilers do: a headline, the offending source line and a caret
 * under the column it names.
 */
public final class DiagnosticPrinter {

  private final Map<String, SourceText> sources;

  public DiagnosticPrinter(Map<String, SourceText> sources) {
    this.sources = sources;
  }

  public void print(Diagnostic diagnostic, PrintWriter out) {
    out.println(diagnostic.headline());
    SourceText text = sources.get(diagnostic.file());
    SourcePosition position = diagnostic.position();
    if (text == null || !position.isKnown()) {
      return;
    }
    String line = text.line(position.line());
    if (line.isEmpty()) {
      return;
    }
    String gutter = String.valueOf(position.line());
    out.println(" " + gutter + " | " + line.replace('\t', ' '));
    int caretColumn = Math.max(1, Math.min(position.column(), line.length() + 1));
    out.println(" " + " ".repeat(gutter.length()) + " | " + " ".repeat(caretColumn - 1) + "^");
  }
}
