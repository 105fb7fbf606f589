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
 * {@code result} is absent when the document failed before reaching the target.
 */
public record CompiledRule(String file, RuleInfo info, Optional<CompileResult> result, Optional<Refusal> error,
    List<Refusal> warnings) {

  public CompiledRule {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(info, "info");
    warnings = List.copyOf(warnings);
  }

  public boolean ok() {
    return error.isEmpty();
  }

  public Optional<String> query() {
    return result.flatMap(CompileResult::query);
  }

  /** The error and warnings as diagnostics pointing into the rule file. */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new java.util.ArrayList<>();
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
