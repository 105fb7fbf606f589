package dev.detectc.target;

import dev.detectc.rule.RuleInfo;
import dev.detectc.source.Diagnostic;
import dev.detectc.source.Severity;
import dev.detectc.source.SourcePosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code compile} reports for one document that produces output: its query, or the error
 * that stopped it (a load or lowering error, or the target's refusal), plus warnings.
 * {@code result} is absent when the document failed before reaching the target; its load and
 * lowering diagnostics are then in {@code loadDiagnostics}.
 */
public record CompiledRule(String file, RuleInfo info, Optional<CompileResult> result, Optional<Refusal> error,
    List<Refusal> warnings, List<Diagnostic> loadDiagnostics) {

  public CompiledRule {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(info, "info");
    warnings = List.copyOf(warnings);
    loadDiagnostics = List.copyOf(loadDiagnostics);
  }

  public boolean ok() {
    return error.isEmpty();
  }

  public Optional<String> query() {
    return result.flatMap(CompileResult::query);
  }

  /** The load and lowering diagnostics, or the target's error and warnings, pointing into the rule file. */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new java.util.ArrayList<>(loadDiagnostics);
    if (result.isEmpty()) {
      return all;
    }
    error.ifPresent(refusal -> all.add(new Diagnostic(Severity.ERROR, refusal.code(), file, position(refusal), refusal.message())));
    warnings.forEach(w -> all.add(new Diagnostic(Severity.WARNING, w.code(), file, position(w), w.message())));
    return all;
  }

  private SourcePosition position(Refusal refusal) {
    switch (refusal.code()) {
      case UNMAPPED_LOGSOURCE:
        return info.positionOf("logsource");
      case UNMAPPED_FIELD:
      case UNRESOLVED_PLACEHOLDER:
        return info.positionOf("detection");
      case APPROXIMATE_WINDOW:
        return info.positionOf("correlation");
      default:
        return info.position();
    }
  }
}
