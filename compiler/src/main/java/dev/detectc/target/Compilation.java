package dev.detectc.target;

import dev.detectc.ir.LoweredDocument;
import dev.detectc.ir.RuleSet;
import dev.detectc.rule.FilterRule;
import dev.detectc.source.Diagnostic;
import dev.detectc.source.DiagnosticCode;
import java.util.List;
import java.util.Optional;

/**
 * Compiles a whole rule set for one target and profile, in file order: every document that
 * produces output of its own yields one {@link CompiledRule}, failed or not. Filters and rules
 * only used by a correlation with {@code generate: false} yield none.
 */
public final class Compilation {

  private Compilation() {}

  public static List<CompiledRule> run(RuleSet rules, RuleCompiler compiler) {
    return rules.documents().parallelStream()
        .filter(document -> !(document.document() instanceof FilterRule))
        .filter(document -> document.ir().map(ir -> ir.emitted()).orElse(true))
        .map(document -> compile(document, compiler))
        .toList();
  }

  private static CompiledRule compile(LoweredDocument document, RuleCompiler compiler) {
    if (!document.ok()) {
      Diagnostic first = document.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElse(null);
      DiagnosticCode code = first == null ? DiagnosticCode.INTERNAL_ERROR : first.code();
      return new CompiledRule(document.file(), document.document().info(), Optional.empty(),
          Optional.of(new Refusal(code, document.errorSummary())), List.of());
    }
    CompileResult result;
    try {
      result = compiler.compile(document.ir().get());
    } catch (RuntimeException | StackOverflowError e) {
      result = CompileResult.refused(document.ir().get(), new Refusal(DiagnosticCode.INTERNAL_ERROR,
          "detectc failed while compiling this rule (a bug; please report it): " + e));
    }
    return new CompiledRule(document.file(), document.document().info(), Optional.of(result), result.refusal(),
        result.warnings());
  }
}
