package dev.detectc.cli;

import dev.detectc.lint.Linter;
import dev.detectc.source.Diagnostic;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.DiagnosticJson;
import dev.detectc.source.DiagnosticPrinter;
import dev.detectc.source.Severity;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code detectc validate}: load, check and lint rules, reporting every problem with its place. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Load, check and lint Sigma rules. Exit 0 when clean, 2 when any rule has errors.")
public final class ValidateCommand implements Callable<Integer> {

  /** Output formats of diagnostics. */
  enum Format { text, json, sarif }

  @Spec
  CommandSpec spec;

  @Mixin
  RuleInput input;

  @Option(names = "--format", defaultValue = "text", description = "text, json (one object per line) or sarif (SARIF 2.1.0).")
  Format format;

  @Option(names = "--strict", description = "Treat lint findings as errors.")
  boolean strict;

  @Override
  public Integer call() {
    RuleInput.Loaded loaded = input.load();
    List<Diagnostic> diagnostics = new ArrayList<>(loaded.inputDiagnostics());
    diagnostics.addAll(loaded.rules().diagnostics());
    for (Diagnostic finding : new Linter().lint(loaded.rules().files())) {
      diagnostics.add(strict ? finding.withSeverity(Severity.ERROR) : finding);
    }
    diagnostics.sort(Comparator.comparing(Diagnostic::file)
        .thenComparingInt(d -> d.position().line()).thenComparingInt(d -> d.position().column()));
    PrintWriter out = spec.commandLine().getOut();
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    if (format == Format.sarif) {
      out.println(DiagnosticJson.sarif(diagnostics, VersionProvider.version()));
    } else if (format == Format.json) {
      diagnostics.forEach(diagnostic -> out.println(DiagnosticJson.line(diagnostic)));
    } else {
      DiagnosticPrinter printer = new DiagnosticPrinter(loaded.sources());
      diagnostics.forEach(diagnostic -> printer.print(diagnostic, out));
      spec.commandLine().getErr().printf("validated %d files, %d documents: %d errors, %d warnings%n",
          loaded.rules().files().size(), loaded.rules().documents().size(), errors, warnings);
    }
    if (diagnostics.stream().anyMatch(d -> d.code() == DiagnosticCode.INTERNAL_ERROR)) {
      return ExitCodes.INTERNAL;
    }
    return errors > 0 ? ExitCodes.RULE_ERROR : ExitCodes.OK;
  }
}
