package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.CorrelationType;
import dev.detectc.source.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;

/**
 * event_count and value_count as a Query DSL search body: the counted events' query, a
 * {@code date_histogram} of fixed {@code timespan} buckets on {@code @timestamp} (aligned to the
 * epoch, as ES|QL's {@code DATE_TRUNC}), one nested {@code terms} aggregation per group-by field,
 * and in the innermost buckets (the windows themselves without group-by) a
 * {@code bucket_selector} that keeps only the groups meeting the condition: on {@code _count}
 * for event_count, on a {@code cardinality} aggregation of the field for value_count. The
 * alerting groups are the buckets left in the response; {@code size: 0} leaves out the hits.
 */
final class DslCounts {

  /** The time field the buckets use, as in the ES|QL target and Kibana. */
  static final String TIME_FIELD = "@timestamp";

  /** Groups kept per terms level and window (Kibana's threshold rules use the same bound). */
  static final int GROUPS = 10000;

  /**
   * Distinct values below which Elasticsearch's cardinality aggregation is close to exact; the
   * largest it accepts. Above it the count is a HyperLogLog++ estimate.
   */
  static final int PRECISION_THRESHOLD = 40000;

  private DslCounts() {}

  static String write(Target target, IrCorrelation correlation, List<RuleCompiler.Source> sources) {
    CorrelationRule rule = correlation.correlation();
    Escaper json = target.escaper();
    if (rule.type() != CorrelationType.EVENT_COUNT && rule.type() != CorrelationType.VALUE_COUNT) {
      throw refuse(target, "the Query DSL counts with aggregations, which detectc writes for event_count and value_count"
          + " only (this is " + rule.type().id() + "; use esql or eql)");
    }
    if (!rule.aliases().isEmpty()) {
      throw refuse(target, "a terms aggregation groups every event by the same field, so aliases cannot be written");
    }
    if (rule.type() == CorrelationType.VALUE_COUNT && rule.fields().size() != 1) {
      throw refuse(target, "a cardinality aggregation counts one field, and this value_count names "
          + rule.fields().size());
    }
    if (rule.thresholds().isEmpty()) {
      throw refuse(target, "a " + rule.type().id() + " without a condition has nothing to select buckets on");
    }
    String query = anyOf(sources.stream().map(RuleCompiler.Source::predicate).toList());
    String counted = rule.type() == CorrelationType.VALUE_COUNT
        ? field(target, correlation, sources, rule.fields().get(0)) : null;
    String aggregations = selected(json, rule, counted, false);
    for (int i = rule.groupBy().size() - 1; i >= 0; i--) {
      aggregations = "{" + terms(json, i, field(target, correlation, sources, rule.groupBy().get(i)), aggregations) + "}";
    }
    return "{\"size\":0,\"query\":" + query + ",\"aggs\":{" + histogram(json, rule.timespan(), aggregations) + "}}";
  }

  /** One query, or a bool query matching any of several. */
  static String anyOf(List<String> predicates) {
    return predicates.size() == 1 ? predicates.get(0)
        : "{\"bool\":{\"should\":[" + String.join(",", predicates) + "],\"minimum_should_match\":1}}";
  }

  /** The aggregation {@code window}: fixed {@code timespan} buckets of {@code @timestamp}, each holding {@code aggregations}. */
  static String histogram(Escaper json, java.time.Duration timespan, String aggregations) {
    return json.string("window") + ":{\"date_histogram\":{\"field\":" + json.string(TIME_FIELD) + ",\"fixed_interval\":"
        + json.string(json.duration(timespan)) + ",\"min_doc_count\":1},\"aggs\":" + aggregations + "}";
  }

  /** The terms aggregation {@code group_<level + 1>} on {@code field} (already quoted), each bucket holding {@code aggregations}. */
  static String terms(Escaper json, int level, String field, String aggregations) {
    return json.string("group_" + (level + 1)) + ":{\"terms\":{\"field\":" + field + ",\"size\":" + GROUPS
        + "},\"aggs\":" + aggregations + "}";
  }

  /**
   * The aggregations of a bucket that stays only when {@code rule}'s condition holds for it: a
   * {@code cardinality} of {@code counted} (quoted; null for event_count, which reads
   * {@code _count}) and the {@code bucket_selector} {@code condition}. With {@code someEvents},
   * a bucket must also have a count above 0, for conditions that 0 would meet (lt, lte, neq).
   */
  static String selected(Escaper json, CorrelationRule rule, String counted, boolean someEvents) {
    List<String> conditions = new ArrayList<>();
    if (someEvents && rule.conditionHolds(java.math.BigDecimal.ZERO)) {
      conditions.add("params.count > 0");
    }
    for (CorrelationRule.Threshold threshold : rule.thresholds()) {
      conditions.add("params.count " + threshold.op().symbol() + " " + json.number(threshold.value()));
    }
    String measured = counted == null ? "" : json.string("value_count") + ":{\"cardinality\":{\"field\":" + counted
        + ",\"precision_threshold\":" + PRECISION_THRESHOLD + "}},";
    return "{" + measured + json.string("condition") + ":{\"bucket_selector\":{\"buckets_path\":{"
        + json.string("count") + ":" + json.string(counted == null ? "_count" : "value_count") + "},\"script\":"
        + json.string(String.join(" && ", conditions)) + "}}}";
  }

  /** The field as every referenced rule's mapping names it; refused when they name it differently. */
  private static String field(Target target, IrCorrelation correlation, List<RuleCompiler.Source> sources,
      String field) {
    List<String> spellings = sources.stream().map(source -> source.fields().resolve(field).text()).distinct().toList();
    if (spellings.size() != 1) {
      throw refuse(target, "the referenced rules name " + field + " differently (" + String.join(", ", spellings)
          + "), and an aggregation reads one field");
    }
    return spellings.get(0);
  }

  private static RefusalException refuse(Target target, String what) {
    return new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": " + what);
  }
}
