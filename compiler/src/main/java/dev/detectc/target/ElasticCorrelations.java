package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import dev.detectc.ir.IrRule;
import dev.detectc.rule.ComparisonOp;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.CorrelationType;
import dev.detectc.source.DiagnosticCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Correlations for the Elastic languages, each in the one form its engine has: EQL
 * {@code sequence ... with maxspan} for temporal_ordered (per-rule {@code by} keys carry the
 * aliases); ES|QL {@code STATS ... BY} over fixed {@code DATE_TRUNC} buckets for event_count,
 * value_count and temporal (with the bucket warning); and, for Lucene, the counted events' query
 * for a Kibana threshold rule (single-field event_count, {@code gt}/{@code gte}). Everything else
 * is refused with the reason; chained correlations are refused by all but ES|QL (EsqlChain).
 */
final class ElasticCorrelations {

  private final Target target;
  private final RuleCompiler rules;

  ElasticCorrelations(Target target, RuleCompiler rules) {
    this.target = target;
    this.rules = rules;
  }

  static boolean handles(Target target) {
    return Set.of("lucene", "eql", "esql", "dsl").contains(target.name());
  }

  CompileResult compile(IrCorrelation correlation) {
    CorrelationRule rule = correlation.correlation();
    if (target.name().equals("esql") && EsqlChain.needed(correlation)) {
      return EsqlChain.write(target, rules, correlation);
    }
    List<RuleCompiler.Source> sources = new ArrayList<>();
    for (IrDocument document : correlation.rules()) {
      if (!(document instanceof IrRule)) {
        throw refuse("a correlation over another correlation (" + IrCorrelation.referenceName(document)
            + ") cannot be written as one " + target.name() + " query");
      }
      sources.add(rules.source((IrRule) document));
    }
    switch (target.name()) {
      case "eql":
        return done(correlation, EqlSequence.write(target, correlation, sources), List.of());
      case "esql":
        return done(correlation, EsqlStats.write(target, rules, correlation, sources), List.of(approximation(rule)));
      case "lucene":
        return threshold(correlation, sources);
      default:
        throw refuse("the Query DSL has no correlation form (use esql, eql or a Kibana threshold rule with lucene)");
    }
  }

  /** Lucene: the counted events' query; the count is a Kibana threshold rule's (--format kibana-ndjson). */
  private CompileResult threshold(IrCorrelation correlation, List<RuleCompiler.Source> sources) {
    CorrelationRule rule = correlation.correlation();
    if (rule.type() != CorrelationType.EVENT_COUNT || rule.groupBy().size() > 1 || thresholdValue(rule).isEmpty()
        || !rule.aliases().isEmpty()) {
      throw refuse("a Lucene query string cannot count events; only an event_count over at most one group-by field"
          + " without aliases and with a gt or gte condition becomes a Kibana threshold rule");
    }
    List<String> predicates = sources.stream().map(RuleCompiler.Source::predicate).toList();
    String query = predicates.size() == 1 ? predicates.get(0) : "(" + String.join(" OR ", predicates) + ")";
    Refusal note = new Refusal(DiagnosticCode.APPROXIMATE_WINDOW, target.name() + ": this is the query of the counted"
        + " events; the count (" + thresholdValue(rule).get() + " or more" + (rule.groupBy().isEmpty() ? "" : " per "
        + rule.groupBy().get(0)) + ") is a Kibana threshold rule's (--format kibana-ndjson), taken over each run's"
        + " look-back window of " + target.escaper().duration(rule.timespan()) + ", not over a sliding window");
    return done(correlation, query, List.of(note));
  }

  /** The minimum count of a threshold rule: gte N is N, gt N is N + 1; empty for any other condition. */
  static Optional<Long> thresholdValue(CorrelationRule rule) {
    if (rule.thresholds().size() != 1) {
      return Optional.empty();
    }
    CorrelationRule.Threshold only = rule.thresholds().get(0);
    if (only.op() != ComparisonOp.GTE && only.op() != ComparisonOp.GT) {
      return Optional.empty();
    }
    long value = only.value().setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
    return Optional.of(only.op() == ComparisonOp.GT ? value + 1 : Math.max(1, value));
  }

  private Refusal approximation(CorrelationRule rule) {
    String text = target.spec().approximations().getOrDefault(rule.type().id(), "fixed {timespan} buckets");
    return new Refusal(DiagnosticCode.APPROXIMATE_WINDOW, target.name() + ": "
        + text.replace("{timespan}", target.escaper().duration(rule.timespan())));
  }

  private static CompileResult done(IrCorrelation correlation, String query, List<Refusal> warnings) {
    return new CompileResult(correlation, Optional.of(query), Optional.empty(), warnings, java.util.Map.of(), List.of(),
        correlation.correlation().timespan());
  }

  /** The indices all referenced rules read, in order, without repeats. */
  static List<String> indices(Target target, RuleCompiler rules, IrCorrelation correlation) {
    Set<String> all = new LinkedHashSet<>();
    for (IrDocument document : correlation.rules()) {
      all.addAll(target.openMapping(rules.profile()).indices(((IrRule) document).logsource()));
    }
    return List.copyOf(all);
  }

  RefusalException refuse(String what) {
    return new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": " + what);
  }
}
