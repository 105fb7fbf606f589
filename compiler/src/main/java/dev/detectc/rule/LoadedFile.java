package dev.detectc.rule;

import dev.detectc.source.Diagnostic;
import dev.detectc.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything read from one rule file: its documents and the diagnostics that belong to no
 * single document (unreadable file, YAML syntax errors, unknown document kinds).
 */
public record LoadedFile(String file, SourceText source, List<LoadedDocument> documents, List<Diagnostic> fileDiagnostics) {

  public LoadedFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
    documents = List.copyOf(documents);
    fileDiagnostics = List.copyOf(fileDiagnostics);
  }

  /** File-level diagnostics followed by each document's, in file order. */
  public List<Diagnostic> allDiagnostics() {
    List<Diagnostic> all = new ArrayList<>(fileDiagnostics);
    documents.forEach(document -> all.addAll(document.diagnostics()));
    all.sort(java.util.Comparator.comparingInt((Diagnostic d) -> d.position().line())
        .thenComparingInt(d -> d.position().column()));
    return all;
  }
}
