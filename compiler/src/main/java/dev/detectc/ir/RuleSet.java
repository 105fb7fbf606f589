package dev.detectc.ir;

import dev.detectc.rule.LoadedFile;
import dev.detectc.source.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** Every loaded file and every document lowered, in file order: what all later phases consume. */
public record RuleSet(List<LoadedFile> files, List<LoweredDocument> documents) {

  public RuleSet {
    files = List.copyOf(files);
    documents = List.copyOf(documents);
  }

  /** The usable documents that produce output of their own (detection rules and correlations). */
  public List<IrDocument> emitted() {
    return documents.stream().filter(LoweredDocument::ok).map(document -> document.ir().get())
        .filter(IrDocument::emitted).toList();
  }

  /** File-level diagnostics plus every document's, file by file. */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new ArrayList<>();
    for (LoadedFile file : files) {
      all.addAll(file.fileDiagnostics());
    }
    documents.forEach(document -> all.addAll(document.diagnostics()));
    return all;
  }

  public boolean hasErrors() {
    return diagnostics().stream().anyMatch(Diagnostic::isError);
  }
}
