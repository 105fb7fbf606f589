package dev.detectc.eval.correlation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detectc.eval.alert.Alert;
import dev.detectc.eval.alert.AlertSink;
import dev.detectc.eval.alert.Correlated;
import dev.detectc.eval.alert.EventRef;
import dev.detectc.eval.input.Event;
import dev.detectc.eval.input.EventTime;
import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.CorrelationType;
import dev.detectc.rule.RuleInfo;
import dev.detectc.source.Diagnostic;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs correlation rules over the matches of the rules they reference. Matches wait in a
 * reorder buffer as deep as the longest timespan, so events out of order by up to that much are
 * still counted in time order; a match older than what the windows have already moved past is
 * reported (once per file) and left out. A correlation's alerts feed the correlations that
 * reference it, stamped with the event time at which they fired.
 */
public final class CorrelationEngine implements CorrelationState.Emitter {

  /** A correlation the engine feeds, and which of its rules an input counts as. */
  private record Target(CorrelationState state, int ruleIndex) {}

  private final AlertSink sink;
  private final Map<RuleInfo, List<Target>> targets = new IdentityHashMap<>();
  private final List<CorrelationState> states = new ArrayList<>();
  private final ReorderBuffer pending = new ReorderBuffer();
  private final long lateness;
  private final LateEvents late;
  private long maxSeen = EventTime.NONE;
  private long safe = EventTime.NONE;
  private long now = EventTime.NONE;
  private long seq;

  /** The correlations must be usable (see {@link #unsupported}); referenced documents are matched by identity of their info. */
  public CorrelationEngine(List<IrCorrelation> correlations, AlertSink sink) {
    this.sink = sink;
    long longest = 0;
    for (IrCorrelation correlation : correlations) {
      CorrelationState state = correlation.correlation().type().isTemporal() ? new TemporalWindows(correlation, this)
          : growsTrue(correlation.correlation()) ? new SlidingWindows(correlation, this) : new ClosingWindows(correlation, this);
      states.add(state);
      longest = Math.max(longest, state.span);
      List<IrDocument> rules = correlation.rules();
      for (int i = 0; i < rules.size(); i++) {
        targets.computeIfAbsent(rules.get(i).info(), info -> new ArrayList<>()).add(new Target(state, i));
      }
    }
    this.lateness = longest;
    this.late = new LateEvents(longest);
  }

  /** Why the engine cannot run {@code correlation}, or empty when it can. */
  public static Optional<String> unsupported(IrCorrelation correlation) {
    CorrelationRule rule = correlation.correlation();
    if (rule.type() == CorrelationType.TEMPORAL_ORDERED && rule.extendedCondition() != null) {
      return Optional.of("a temporal_ordered correlation with a rule-name condition has no defined order for"
          + " negated or alternative rules; use a temporal correlation, or list the rules in order without a condition");
    }
    return Optional.empty();
  }

  private static boolean growsTrue(CorrelationRule rule) {
    return rule.thresholds().stream().allMatch(threshold -> threshold.op() == dev.detectc.rule.ComparisonOp.GT
        || threshold.op() == dev.detectc.rule.ComparisonOp.GTE);
  }

  /** True when some correlation counts matches of {@code rule}. */
  public boolean feeds(RuleInfo rule) {
    return targets.containsKey(rule);
  }

  /** A rule some correlation counts matched {@code event}, which has a time. */
  public void offer(RuleInfo rule, Event event) {
    if (event.time() < safe) {
      late.add(event);
      return;
    }
    Contribution contribution = Contribution.event(event.time(), seq++, new EventRef(event.file(), event.line()));
    for (Target target : targets.getOrDefault(rule, List.of())) {
      Item item = target.state.extract(event.fields(), target.ruleIndex, contribution);
      if (item != null) {
        pending.add(item);
      }
    }
  }

  /** Event time has been seen up to {@code time} (every timed event is observed, matching or not). */
  public void observe(long time) {
    if (time > maxSeen) {
      maxSeen = time;
      release(maxSeen - lateness);
    }
  }

  /** The input is over: counts what is buffered and closes every window that ended within the input. */
  public void finish() {
    release(maxSeen);
    if (maxSeen != EventTime.NONE) {
      advance(maxSeen + 1);
    }
  }

  private void release(long limit) {
    for (Item next = pending.peek(); next != null && next.time() <= limit; next = pending.peek()) {
      Item item = pending.poll();
      advance(item.time());
      now = item.time();
      item.target().accept(item);
    }
    advance(limit);
  }

  private void advance(long clock) {
    if (clock <= safe) {
      return;
    }
    safe = clock;
    now = clock;
    for (CorrelationState state : states) {
      state.advanceTo(clock);
    }
  }

  @Override
  public void fired(CorrelationState state, Alert alert) {
    if (state.correlation.emitted()) {
      sink.alert(alert);
    }
    List<Target> outer = targets.get(state.correlation.info());
    if (outer == null) {
      return;
    }
    Correlated correlated = alert.correlated().orElseThrow();
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    correlated.group().forEach(fields::put);
    Contribution contribution = new Contribution(now, seq++, alert.event(), correlated.lines(),
        correlated.firstTime(), correlated.lastTime());
    for (Target target : outer) {
      Item item = target.state.extract(fields, target.ruleIndex, contribution);
      if (item != null) {
        target.state.advanceTo(now);
        target.state.accept(item);
      }
    }
  }

  /** Groups with live state over all correlations (what memory follows). */
  public int activeGroups() {
    return states.stream().mapToInt(CorrelationState::activeGroups).sum();
  }

  /** Matches held back for reordering. */
  public int buffered() {
    return pending.size();
  }

  /** Warnings about events too far out of order, one per file. */
  public List<Diagnostic> diagnostics() {
    return late.diagnostics();
  }

  /** Counts late events per file for one warning each. */
  private static final class LateEvents {
    private final long lateness;
    private final Map<String, long[]> byFile = new LinkedHashMap<>();

    LateEvents(long lateness) {
      this.lateness = lateness;
    }

    void add(Event event) {
      byFile.computeIfAbsent(event.file(), file -> new long[] {event.line(), 0})[1]++;
    }

    List<Diagnostic> diagnostics() {
      List<Diagnostic> diagnostics = new ArrayList<>();
      byFile.forEach((file, seen) -> diagnostics.add(new Diagnostic(dev.detectc.source.Severity.WARNING,
          dev.detectc.source.DiagnosticCode.EVENT_ORDER, file, new dev.detectc.source.SourcePosition((int) seen[0], 1),
          seen[1] + " matching event(s) from this line on came more than " + java.time.Duration.ofNanos(lateness * 1000)
              + " (the longest correlation timespan) after later events; correlations did not count them")));
      return diagnostics;
    }
  }
}
