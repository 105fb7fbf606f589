package dev.detectc.eval;

import dev.detectc.eval.correlation.CorrelationEngine;
import dev.detectc.eval.input.FieldSelection;
import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import dev.detectc.ir.IrRule;
import dev.detectc.ir.LoweredDocument;
import dev.detectc.ir.RuleSet;
import dev.detectc.rule.RuleInfo;
import dev.detectc.source.Diagnostic;
import dev.detectc.source.DiagnosticCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runnable part of a rule set: each usable detection rule with its compiled matcher, and
 * each correlation whose referenced rules all compiled. A rule the evaluator cannot run gets an
 * error naming why, and so does every correlation that depends on it; the others still run.
 */
public final class CompiledRules {

  /** A detection rule and its matcher. */
  public record Detection(IrRule rule, EventMatcher matcher) {}

  private final List<Detection> detections;
  private final List<IrCorrelation> correlations;
  private final List<Diagnostic> diagnostics;

  private CompiledRules(List<Detection> detections, List<IrCorrelation> correlations, List<Diagnostic> diagnostics) {
    this.detections = List.copyOf(detections);
    this.correlations = List.copyOf(correlations);
    this.diagnostics = List.copyOf(diagnostics);
  }

  public static CompiledRules compile(RuleSet rules) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<RuleInfo, Boolean> usable = new IdentityHashMap<>();
    List<Detection> detections = new ArrayList<>();
    List<IrCorrelation> correlations = new ArrayList<>();
    Map<RuleInfo, String> files = new IdentityHashMap<>();
    for (LoweredDocument document : rules.documents()) {
      document.ir().ifPresent(ir -> files.put(ir.info(), document.file()));
      if (document.ir().isPresent() && document.ir().get() instanceof IrRule) {
        IrRule rule = (IrRule) document.ir().get();
        try {
          detections.add(new Detection(rule, new MatcherCompiler().compile(rule.condition())));
          usable.put(rule.info(), true);
        } catch (MatcherCompiler.Unsupported e) {
          diagnostics.add(Diagnostic.error(e.code(), document.file(), rule.info().positionOf("detection"), e.getMessage()));
          usable.put(rule.info(), false);
        }
      }
    }
    for (LoweredDocument document : rules.documents()) {
      if (document.ir().isPresent() && document.ir().get() instanceof IrCorrelation) {
        IrCorrelation correlation = (IrCorrelation) document.ir().get();
        Optional<String> problem = problem(correlation, usable);
        if (problem.isEmpty()) {
          correlations.add(correlation);
        } else {
          diagnostics.add(Diagnostic.error(DiagnosticCode.EVAL_UNSUPPORTED, document.file(),
              correlation.info().positionOf("correlation"), problem.get()));
        }
      }
    }
    List<Detection> needed = detections.stream()
        .filter(detection -> detection.rule().emitted() || referenced(detection.rule().info(), correlations)).toList();
    return new CompiledRules(needed, correlations, diagnostics);
  }

  /** Why a correlation cannot run (itself, or through a rule it references), or empty; memoised in {@code usable}. */
  private static Optional<String> problem(IrCorrelation correlation, Map<RuleInfo, Boolean> usable) {
    Optional<String> own = CorrelationEngine.unsupported(correlation);
    if (own.isPresent()) {
      usable.put(correlation.info(), false);
      return own;
    }
    for (IrDocument referenced : correlation.rules()) {
      Boolean ok = usable.get(referenced.info());
      if (ok == null && referenced instanceof IrCorrelation) {
        ok = problem((IrCorrelation) referenced, usable).isEmpty();
      }
      if (!Boolean.TRUE.equals(ok)) {
        usable.put(correlation.info(), false);
        return Optional.of("the correlation cannot run because the rule it references, '"
            + IrCorrelation.referenceName(referenced) + "', cannot be evaluated");
      }
    }
    usable.put(correlation.info(), true);
    return Optional.empty();
  }

  private static boolean referenced(RuleInfo rule, List<IrCorrelation> correlations) {
    return correlations.stream().anyMatch(c -> c.rules().stream().anyMatch(r -> r.info() == rule));
  }

  /**
   * The event fields these rules (and their correlations) read, plus the time fields: what a
   * reader has to build. Everything when some rule searches keywords over the whole event.
   */
  public FieldSelection fields(Collection<String> timeFields) {
    Set<String> fields = new HashSet<>(timeFields);
    for (Detection detection : detections) {
      if (!detection.rule().condition().accept(new FieldCollector(fields))) {
        return FieldSelection.ALL;
      }
    }
    for (IrCorrelation correlation : correlations) {
      fields.addAll(correlation.correlation().groupBy());
      fields.addAll(correlation.correlation().fields());
      correlation.correlation().aliases().values().forEach(byRule -> fields.addAll(byRule.values()));
    }
    return FieldSelection.of(fields);
  }

  public List<Detection> detections() {
    return detections;
  }

  public List<IrCorrelation> correlations() {
    return correlations;
  }

  /** Errors for rules the evaluator cannot run. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
