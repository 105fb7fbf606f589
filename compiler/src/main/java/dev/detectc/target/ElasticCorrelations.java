package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import dev.detectc.ir.IrRule;
import dev.detectc.rule.ComparisonOp;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.CorrelationType;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.target.elastic.KibanaNdjson;
import dev.detectc.target.elastic.KibanaRule;
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
 * for a Kibana threshold rule (event_count, or value_count as the threshold's cardinality; up to
 * three group-by fields, {@code gt}/{@code gte}); for the Query DSL, a search body whose
 * aggregations count event_count and value_count per fixed bucket ({@link DslCounts}). Everything else
 * is refused with the reason; chained correlations are refused by all but ES|QL ({@link EsqlChain})
 * and the Query DSL ({@link DslChain}).
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
    if (target.name().equals("dsl") && ChainMembers.chained(correlation)) {
      return DslChain.write(target, rules, correlation);
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
        return done(correlation, DslCounts.write(target, correlation, sources), List.of(approximation(rule)));
    }
  }

  /**
   * Lucene: the counted events' query; the count is a Kibana threshold rule's (--format
   * kibana-ndjson), and the warning spells out that rule's threshold object.
   */
  private CompileResult threshold(IrCorrelation correlation, List<RuleCompiler.Source> sources) {
    CorrelationRule rule = correlation.correlation();
    KibanaRule.Threshold threshold = kibanaThreshold(target, rules.profile(), correlation);
    List<String> predicates = sources.stream().map(RuleCompiler.Source::predicate).toList();
    String query = predicates.size() == 1 ? predicates.get(0) : "(" + String.join(" OR ", predicates) + ")";
    Refusal note = new Refusal(DiagnosticCode.APPROXIMATE_WINDOW, target.name() + ": this is the query of the counted"
        + " events; the count is a Kibana threshold rule's (--format kibana-ndjson) with threshold "
        + KibanaNdjson.thresholdJson(threshold) + " (" + describe(threshold) + "), taken over each run's look-back"
        + " window of " + target.escaper().duration(rule.timespan()) + ", not over a sliding window");
    return done(correlation, query, List.of(note));
  }

  /**
   * The Kibana threshold of an event_count or value_count correlation, with the profile's field
   * names, or a refusal saying which of Kibana's limits the correlation passes. What Kibana's
   * detection engine accepts and computes (read in its source, x-pack security_solution):
   * {@code threshold.field} is the group-by list, rejected above 3 fields on create and import
   * ("Number of fields must be 3 or less"; the newest rule routes allow 5, so 3 is the portable
   * limit); {@code threshold.value} is a minimum event count per group ({@code count_check}
   * bucket_selector {@code params.docCount >= value}); {@code threshold.cardinality} is a list
   * of which only the first entry is read, a minimum of distinct values ({@code cardinality_check}
   * {@code params.cardinalityCount >= value}), and a cardinality on a grouped field is rejected
   * ("Cardinality of a field that is being aggregated on is always 1").
   */
  static KibanaRule.Threshold kibanaThreshold(Target target, Profile profile, IrCorrelation correlation) {
    CorrelationRule rule = correlation.correlation();
    String why = thresholdProblem(rule);
    if (why != null) {
      throw new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": a Lucene query string cannot"
          + " count events, and this correlation cannot be a Kibana threshold rule: " + why);
    }
    OpenMapping mapping = target.openMapping(profile);
    dev.detectc.rule.LogSource source = KibanaPackage.logsource(correlation);
    List<String> fields = rule.groupBy().stream().map(group -> mapping.rename(source, group)).toList();
    long minimum = minimum(rule.thresholds().get(0));
    if (rule.type() == CorrelationType.EVENT_COUNT) {
      return new KibanaRule.Threshold(fields, Math.max(1, minimum));
    }
    String counted = mapping.rename(source, rule.fields().get(0));
    if (fields.contains(counted)) {
      throw new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": Kibana rejects a threshold"
          + " cardinality on a field it also groups by (" + counted + "), whose count is always 1");
    }
    // Any group with one event is a candidate; the distinct count decides.
    return new KibanaRule.Threshold(fields, 1, new KibanaRule.Cardinality(counted, minimum));
  }

  /** Why {@code rule} has no threshold-rule form, or null when it has one. */
  private static String thresholdProblem(CorrelationRule rule) {
    if (rule.type() != CorrelationType.EVENT_COUNT && rule.type() != CorrelationType.VALUE_COUNT) {
      return "only event_count and value_count have one (this is " + rule.type().id() + ")";
    }
    if (!rule.aliases().isEmpty()) {
      return "a threshold rule groups every event by the same field names, so aliases cannot be written";
    }
    if (rule.groupBy().size() > KibanaRule.Threshold.MAX_FIELDS) {
      return "Kibana groups a threshold rule by at most " + KibanaRule.Threshold.MAX_FIELDS + " fields, and this"
          + " correlation groups by " + rule.groupBy().size();
    }
    if (rule.thresholds().size() != 1 || !atLeast(rule.thresholds().get(0).op())) {
      String ops = String.join(" and ", rule.thresholds().stream().map(t -> t.op().name().toLowerCase(java.util.Locale.ROOT))
          .toList());
      return "a threshold rule alerts when a count reaches a minimum (>=), so only a single gt or gte condition can"
          + " be written, not " + (ops.isEmpty() ? "none" : ops);
    }
    if (rule.type() == CorrelationType.VALUE_COUNT && rule.fields().size() != 1) {
      return "a threshold rule counts the distinct values of one field, and this value_count names "
          + rule.fields().size();
    }
    return null;
  }

  private static boolean atLeast(ComparisonOp op) {
    return op == ComparisonOp.GTE || op == ComparisonOp.GT;
  }

  /** The smallest whole count that meets a gt or gte threshold: gte 2.5 is 3, gt 2.5 is 3, gt 2 is 3. */
  private static long minimum(CorrelationRule.Threshold threshold) {
    java.math.BigDecimal value = threshold.value();
    return threshold.op() == ComparisonOp.GT
        ? value.setScale(0, java.math.RoundingMode.FLOOR).longValueExact() + 1
        : value.setScale(0, java.math.RoundingMode.CEILING).longValueExact();
  }

  /** The threshold in words, with the field names the rule will carry. */
  private static String describe(KibanaRule.Threshold threshold) {
    String per = threshold.fields().isEmpty() ? "" : " per " + String.join(", ", threshold.fields());
    return threshold.cardinality()
        .map(cardinality -> cardinality.value() + " or more distinct " + cardinality.field() + per)
        .orElse(threshold.value() + " or more events" + per);
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
