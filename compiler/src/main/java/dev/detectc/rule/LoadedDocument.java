package dev.detectc.rule;

import dev.detectc.source.Diagnostic;
import java.util.List;
import java.util.Objects;

/** A document as loaded, with the diagnostics that belong to it; usable only when it has no errors. */
public record LoadedDocument(SigmaDocument document, List<Diagnostic> diagnostics) {

  public LoadedDocument {
    Objects.requireNonNull(document, "document");
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
