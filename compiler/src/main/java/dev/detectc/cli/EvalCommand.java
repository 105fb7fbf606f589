package dev.detectc.cli;

import dev.detectc.eval.CompiledRules;
import dev.detectc.eval.Evaluation;
import dev.detectc.eval.alert.AlertFormat;
import dev.detectc.eval.input.EventTime;
import dev.detectc.source.Diagnostic;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.DiagnosticPrinter;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code detectc eval}: run rules over event logs and print one alert per line. */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Run Sigma rules (and their correlations) over event logs: NDJSON, a JSON array or Zeek TSV.",
        "Prints one alert per line. Exit 0 with or without alerts, 2 on rule or input errors."})
public final class EvalCommand implements Callable<Integer> {

  /** Output formats of alerts. */
  enum Format { text, jsonl }

  @Spec
  CommandSpec spec;

  @Mixin
  RuleInput input;

  @Option(names = "--events", arity = "1..*", required = true, paramLabel = "FILE",
      description = "Event files (NDJSON, JSON array or Zeek TSV; gzip allowed), read as one stream in time order.")
  List<Path> events = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", description = "text (one readable line) or jsonl (one JSON object) per alert.")
  Format format;

  @Option(names = "--time-field", split = ",", paramLabel = "FIELD",
      description = "Fields holding the event time, first found wins (default: @timestamp, timestamp, ts, TimeCreated,"
          + " UtcTime, TimeGenerated, _time).")
  List<String> timeFields;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    RuleInput.Loaded loaded = input.load();
    List<Diagnostic> problems = new ArrayList<>(loaded.inputDiagnostics());
    problems.addAll(loaded.rules().diagnostics());
    CompiledRules rules = CompiledRules.compile(loaded.rules());
    problems.addAll(rules.diagnostics());
    DiagnosticPrinter printer = new DiagnosticPrinter(loaded.sources());
    problems.forEach(problem -> printer.print(problem, err));

    PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
    EventTime time = timeFields == null || timeFields.isEmpty() ? EventTime.defaults() : new EventTime(timeFields);
    Evaluation.Progress progress = TerminalProgress.forConsole(err);
    Evaluation.Result result = new Evaluation(rules, time).run(events, alert -> out.println(
        format == Format.jsonl ? AlertFormat.jsonLine(alert) : AlertFormat.text(alert)), progress);
    out.flush();
    if (progress instanceof TerminalProgress) {
      ((TerminalProgress) progress).finish();
    }
    result.diagnostics().forEach(problem -> printer.print(problem, err));
    problems.addAll(result.diagnostics());
    err.println(new StringBuilder("evaluated ").append(Counts.grouped(result.events())).append(" events from ")
        .append(events.size()).append(" file(s) with ").append(rules.detections().size()).append(" rule(s) and ")
        .append(rules.correlations().size()).append(" correlation(s): ").append(Counts.grouped(result.alerts()))
        .append(" alert(s)"));
    if (problems.stream().anyMatch(problem -> problem.code() == DiagnosticCode.INTERNAL_ERROR)) {
      return ExitCodes.INTERNAL;
    }
    return problems.stream().anyMatch(Diagnostic::isError) ? ExitCodes.RULE_ERROR : ExitCodes.OK;
  }
}
