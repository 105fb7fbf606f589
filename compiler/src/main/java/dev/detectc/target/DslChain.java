package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrRule;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.CorrelationType;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.target.ChainMembers.Member;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A temporal correlation over rules and over event_count or value_count correlations (a chain)
 * as one Query DSL search body, with the meaning {@link EsqlChain} gives it in ES|QL. Under the
 * outer {@code date_histogram} (the temporal's timespan) and one {@code terms} level per group-by
 * field, each member is a {@code filter} aggregation named {@code member_<n>} holding its query.
 * A counted member's filter holds in turn a {@code date_histogram} of its own timespan whose
 * buckets are counted and kept by a {@code bucket_selector} exactly as {@link DslCounts} does;
 * a bucket_selector on the terms buckets then counts the members seen (a plain rule: its filter
 * holds events; a counted one: some inner bucket is left) and applies the temporal's condition
 * (every member by default).
 *
 * <p>What this relies on, from Elasticsearch's pipeline aggregation documentation
 * ({@code buckets_path} syntax): a path is {@code AGG_NAME [> AGG_NAME]* [. METRIC]}, relative to
 * the pipeline aggregation and never going up; the special path {@code _count} is a bucket's
 * document count, and {@code _bucket_count} after a multi-bucket aggregation is the number of
 * buckets it returns (the documented use is a bucket_selector dropping buckets whose inner
 * aggregation has none). So {@code member_1._count} is the filter's document count and
 * {@code member_2>window._bucket_count} the number of inner buckets. Elasticsearch reduces the
 * pipelines inside a bucket before the aggregation's own (reducePipelines of
 * InternalMultiBucketAggregation and InternalSingleBucketAggregation, read in its source), so
 * the inner selectors have dropped their buckets when the outer one counts them. Counts are never missing, so the default {@code gap_policy} (skip) never
 * applies. An inner bucket exists only with events of that member ({@code min_doc_count: 1}),
 * and for conditions that 0 meets (lt ...) it must also count above 0, as in ES|QL.
 *
 * <p>A terms aggregation reads one field. When aliases make the base rules spell a group-by
 * field differently, joining them would need a script choosing a field by which rule matched,
 * so that case is refused with the reason rather than approximated by field presence. Members
 * may have different timespans here, as each has its own inner histogram.
 */
final class DslChain {

  private final Target target;
  private final RuleCompiler rules;
  private final IrCorrelation temporal;
  private final Set<String> predicates = new LinkedHashSet<>();

  private DslChain(Target target, RuleCompiler rules, IrCorrelation temporal) {
    this.target = target;
    this.rules = rules;
    this.temporal = temporal;
  }

  static CompileResult write(Target target, RuleCompiler rules, IrCorrelation temporal) {
    return new DslChain(target, rules, temporal).write();
  }

  private CompileResult write() {
    CorrelationRule rule = temporal.correlation();
    Escaper json = target.escaper();
    List<Member> members = ChainMembers.of(target, temporal, this::read, "one search body");
    List<String> fields = new ArrayList<>();
    for (String group : rule.groupBy()) {
      fields.add(groupField(members, group));
    }
    List<String> aggregations = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    Set<String> inner = new LinkedHashSet<>();
    for (int i = 0; i < members.size(); i++) {
      Member member = members.get(i);
      String name = "member_" + (i + 1);
      String query = DslCounts.anyOf(member.sources().stream().map(RuleCompiler.Source::predicate).distinct().toList());
      if (member.counted() == null) {
        aggregations.add(json.string(name) + ":{\"filter\":" + query + "}");
        paths.add(json.string(name) + ":" + json.string(name + "._count"));
      } else {
        CorrelationRule counted = member.counted();
        String field = counted.type() == CorrelationType.VALUE_COUNT ? countedField(member) : null;
        aggregations.add(json.string(name) + ":{\"filter\":" + query + ",\"aggs\":{"
            + DslCounts.histogram(json, counted.timespan(), DslCounts.selected(json, counted, field, true)) + "}}");
        paths.add(json.string(name) + ":" + json.string(name + ">window._bucket_count"));
        inner.add(json.duration(counted.timespan()));
      }
      seen.add("(params." + name + " > 0 ? 1 : 0)");
    }
    String total = "(" + String.join(" + ", seen) + ")";
    List<String> conditions = new ArrayList<>();
    for (CorrelationRule.Threshold threshold : rule.thresholds()) {
      conditions.add(total + " " + threshold.op().symbol() + " " + json.number(threshold.value()));
    }
    if (conditions.isEmpty()) {
      conditions.add(total + " >= " + json.number(BigDecimal.valueOf(members.size())));
    }
    aggregations.add(json.string("condition") + ":{\"bucket_selector\":{\"buckets_path\":{" + String.join(",", paths)
        + "},\"script\":" + json.string(String.join(" && ", conditions)) + "}}");
    String level = "{" + String.join(",", aggregations) + "}";
    for (int i = fields.size() - 1; i >= 0; i--) {
      level = "{" + DslCounts.terms(json, i, fields.get(i), level) + "}";
    }
    String body = "{\"size\":0,\"query\":" + DslCounts.anyOf(List.copyOf(predicates)) + ",\"aggs\":{"
        + DslCounts.histogram(json, rule.timespan(), level) + "}}";
    Refusal warning = new Refusal(DiagnosticCode.APPROXIMATE_WINDOW, target.name() + ": the referenced correlations"
        + " are counted per fixed " + String.join(" or ", inner) + " bucket and the rules are matched per fixed "
        + json.duration(rule.timespan()) + " bucket (date_histogram), not over a sliding window: a burst or a pair of"
        + " events that straddles a bucket edge can be missed" + (counts(members, CorrelationType.VALUE_COUNT)
        ? "; the cardinality aggregation is also approximate above " + DslCounts.PRECISION_THRESHOLD + " distinct values"
        : ""));
    return new CompileResult(temporal, Optional.of(body), Optional.empty(), List.of(warning), Map.of(), List.of(),
        rule.timespan());
  }

  private static boolean counts(List<Member> members, CorrelationType type) {
    return members.stream().anyMatch(member -> member.counted() != null && member.counted().type() == type);
  }

  /** Renders a base rule once for the body's query. */
  private RuleCompiler.Source read(IrRule base) {
    RuleCompiler.Source source = rules.source(base);
    predicates.add(source.predicate());
    return source;
  }

  /** The one field every base rule names the temporal's group {@code group} with, or the refusal. */
  private String groupField(List<Member> members, String group) {
    Set<String> spellings = new LinkedHashSet<>(ChainMembers.groupSpellings(temporal, members, group));
    if (spellings.size() != 1) {
      throw ChainMembers.refuse(target, "the referenced rules name the group-by field " + group + " differently ("
          + String.join(", ", spellings) + "), and a terms aggregation groups by one field; joining them would take a"
          + " script that picks the field by the rule each event matched, which detectc does not write");
    }
    return spellings.iterator().next();
  }

  /** The field a counted value_count member counts, the same in each of its base rules. */
  private String countedField(Member member) {
    CorrelationRule counted = member.counted();
    Set<String> spellings = new LinkedHashSet<>();
    for (int j = 0; j < member.bases().size(); j++) {
      spellings.add(member.spelling(j, counted.resolveAlias(counted.fields().get(0),
          IrCorrelation.referenceName(member.bases().get(j)))));
    }
    if (spellings.size() != 1) {
      throw ChainMembers.refuse(target, "the rules of " + member.name() + " name the counted field differently ("
          + String.join(", ", spellings) + "), and a cardinality aggregation counts one field");
    }
    return spellings.iterator().next();
  }
}
