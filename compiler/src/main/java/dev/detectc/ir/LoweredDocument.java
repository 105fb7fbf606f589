package dev.detectc.ir;

import dev.detectc.rule.SigmaDocument;
import dev.detectc.source.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One document after lowering: its IR when usable, and every diagnostic about it (load and lowering). */
public record LoweredDocument(String file, SigmaDocument document, Optional<IrDocument> ir, List<Diagnostic> diagnostics) {

  public LoweredDocument {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(ir, "ir");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return ir.isPresent();
  }

  /** The errors, as one line each, for per-rule error reports. */
  public String errorSummary() {
    return diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::headline)
        .reduce((a, b) -> a + "; " + b).orElse("");
  }
}
