package dev.detectc.testing;

import dev.detectc.eval.CompiledRules;
import dev.detectc.eval.Evaluation;
import dev.detectc.eval.alert.Alert;
import dev.detectc.eval.input.EventTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs inline rules over inline NDJSON events through the real evaluator. */
public record Evaluate(List<Alert> alerts, Evaluation.Result result) {

  public static Evaluate run(Path folder, String rules, String... events) {
    try {
      Path file = folder.resolve("events.ndjson");
      Files.writeString(file, String.join("\n", events) + "\n");
      return run(rules, List.of(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static Evaluate run(String rules, List<Path> files) {
    CompiledRules compiled = CompiledRules.compile(RuleText.clean(rules));
    List<Alert> alerts = new ArrayList<>();
    Evaluation.Result result = new Evaluation(compiled, EventTime.defaults()).run(files, alerts::add, Evaluation.Progress.NONE);
    return new Evaluate(alerts, result);
  }

  /** Each alert as {@code name@line}, in order. */
  public List<String> fired() {
    return alerts.stream().map(alert -> alert.ruleName() + "@" + alert.event().line()).toList();
  }
}
