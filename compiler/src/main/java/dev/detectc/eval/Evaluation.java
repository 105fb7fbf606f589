package dev.detectc.eval;

import dev.detectc.eval.alert.Alert;
import dev.detectc.eval.alert.AlertSink;
import dev.detectc.eval.alert.EventRef;
import dev.detectc.eval.correlation.CorrelationEngine;
import dev.detectc.eval.input.Event;
import dev.detectc.eval.input.EventReader;
import dev.detectc.eval.input.EventReaders;
import dev.detectc.eval.input.EventTime;
import dev.detectc.eval.input.FieldSelection;
import dev.detectc.rule.RuleInfo;
import dev.detectc.source.Diagnostic;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.eval.input.ReadProblems;
import dev.detectc.source.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of compiled rules over event files: every event is tested against every detection
 * rule; matches of emitted rules become alerts at once, matches of rules a correlation counts go
 * to the correlation engine. Bad lines and unreadable files are reported and skipped.
 */
public final class Evaluation {

  /** How often (in events) progress is reported. */
  public static final int PROGRESS_EVERY = 1 << 14;

  /** Told the running event count now and then, for a progress display. */
  @FunctionalInterface
  public interface Progress {
    Progress NONE = events -> { };

    void events(long count);
  }

  /** What a run did: events read, alerts raised, correlation groups still live at the end, problems. */
  public record Result(long events, long alerts, int activeGroups, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private final CompiledRules rules;
  private final EventTime time;

  public Evaluation(CompiledRules rules, EventTime time) {
    this.rules = rules;
    this.time = time;
  }

  public Result run(List<Path> files, AlertSink sink, Progress progress) {
    FieldSelection selection = rules.fields(time.fieldNames());
    List<ReadProblems> perFile = new ArrayList<>();
    List<EventReader> readers = new ArrayList<>();
    List<ReadProblems> readerProblems = new ArrayList<>();
    for (Path file : files) {
      ReadProblems problems = new ReadProblems(file.toString());
      perFile.add(problems);
      EventReader reader = EventReaders.open(file, time, problems, selection);
      if (reader != null) {
        readers.add(reader);
        readerProblems.add(problems);
      }
    }
    Run run = new Run(rules, sink);
    EventMerge merge = new EventMerge(readers, readerProblems);
    for (Event event = merge.next(); event != null; event = merge.next()) {
      run.process(event);
      if (run.events % PROGRESS_EVERY == 0) {
        progress.events(run.events);
      }
    }
    merge.closeAll();
    List<Diagnostic> diagnostics = new ArrayList<>();
    perFile.forEach(file -> diagnostics.addAll(file.toList()));
    diagnostics.addAll(run.finish());
    progress.events(run.events);
    return new Result(run.events, run.alerts, run.engine == null ? 0 : run.engine.activeGroups(), diagnostics);
  }

  /**
   * The state of one run. The per-event work is its own small method so the JIT compiles it
   * as a whole rather than replacing the stack frame of a long read loop.
   */
  private static final class Run {
    /** An array rather than the rules' list: it is walked once per event. */
    private final CompiledRules.Detection[] detections;
    private final boolean[] feeds;
    private final AlertSink sink;
    private final CorrelationEngine engine;
    private final Map<String, long[]> untimed = new LinkedHashMap<>();
    private final List<Diagnostic> failures = new ArrayList<>();
    private long events;
    private long alerts;

    Run(CompiledRules rules, AlertSink sink) {
      this.sink = alert -> {
        alerts++;
        sink.alert(alert);
      };
      this.engine = rules.correlations().isEmpty() ? null : new CorrelationEngine(rules.correlations(), this.sink);
      this.detections = rules.detections().toArray(new CompiledRules.Detection[0]);
      this.feeds = new boolean[detections.length];
      for (int i = 0; i < feeds.length; i++) {
        feeds[i] = engine != null && engine.feeds(detections[i].rule().info());
      }
    }

    void process(Event event) {
      events++;
      for (int i = 0; i < feeds.length; i++) {
        CompiledRules.Detection detection = detections[i];
        if (!matches(detection, event, failures)) {
          continue;
        }
        RuleInfo info = detection.rule().info();
        if (detection.rule().emitted()) {
          sink.alert(new Alert(info, new EventRef(event.file(), event.line()), Optional.empty()));
        }
        if (feeds[i]) {
          if (event.hasTime()) {
            engine.offer(info, event);
          } else {
            untimed.computeIfAbsent(event.file(), file -> new long[] {event.line(), 0})[1]++;
          }
        }
      }
      if (engine != null && event.hasTime()) {
        engine.observe(event.time());
      }
    }

    /** Ends the correlations and returns the run's own findings. */
    List<Diagnostic> finish() {
      List<Diagnostic> diagnostics = new ArrayList<>(failures);
      if (engine != null) {
        engine.finish();
        diagnostics.addAll(engine.diagnostics());
      }
      untimed.forEach((file, seen) -> diagnostics.add(new Diagnostic(dev.detectc.source.Severity.WARNING,
          DiagnosticCode.EVENT_TIME, file, new SourcePosition((int) Math.min(seen[0], Integer.MAX_VALUE), 1),
          seen[1] + " event(s) from this line on matched rules that correlations count but have no usable time in "
              + "the time fields; correlations cannot use them (see --time-field)")));
      return diagnostics;
    }
  }

  /** Runs one matcher; a crash is a bug, reported once per rule, and counts as no match. */
  private static boolean matches(CompiledRules.Detection detection, Event event, List<Diagnostic> failures) {
    try {
      return detection.matcher().matches(event.fields());
    } catch (RuntimeException | StackOverflowError e) {
      RuleInfo info = detection.rule().info();
      if (failures.stream().noneMatch(d -> d.file().equals(info.file()) && d.position().equals(info.position()))) {
        failures.add(Diagnostic.error(DiagnosticCode.INTERNAL_ERROR, info.file(), info.position(),
            "the evaluator failed on " + event.file() + ":" + event.line() + " (a bug; please report it): " + e));
      }
      return false;
    }
  }
}
