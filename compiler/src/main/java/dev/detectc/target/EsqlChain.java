package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrRule;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.CorrelationType;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.target.ChainMembers.Member;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A temporal correlation over rules and over event_count or value_count correlations, as one
 * ES|QL query with two {@code STATS}: the first counts each referenced correlation per inner
 * {@code DATE_TRUNC} bucket of its own timespan (nested in the outer bucket of the temporal
 * timespan), the second asks, per outer bucket and group, which referenced rules and
 * correlations were seen. So "a zone transfer and a 50-name burst from one source within an
 * hour" reads: some 5-minute bucket of that hour held 50 names, and some event of that hour was
 * a transfer. Both levels are fixed buckets, hence the approximate-window warning.
 *
 * <p>Only one level of nesting is written, the referenced correlations must share one timespan
 * and group by the temporal's own fields; anything else is refused with the reason.
 */
final class EsqlChain {

  private final Target target;
  private final RuleCompiler rules;
  private final IrCorrelation temporal;
  private final List<String> evals = new ArrayList<>();
  private final List<String> predicates = new ArrayList<>();
  private final Set<String> indices = new LinkedHashSet<>();

  private EsqlChain(Target target, RuleCompiler rules, IrCorrelation temporal) {
    this.target = target;
    this.rules = rules;
    this.temporal = temporal;
  }

  /** True when {@code correlation} references another correlation, which EsqlStats does not write. */
  static boolean needed(IrCorrelation correlation) {
    return ChainMembers.chained(correlation);
  }

  static CompileResult write(Target target, RuleCompiler rules, IrCorrelation temporal) {
    return new EsqlChain(target, rules, temporal).write();
  }

  private CompileResult write() {
    CorrelationRule rule = temporal.correlation();
    List<Member> members = ChainMembers.of(target, temporal, this::read, "one ES|QL query");
    Duration inner = null;
    for (Member member : members) {
      if (member.counted() != null) {
        if (inner != null && !inner.equals(member.counted().timespan())) {
          throw refuse("the referenced correlations have different timespans, which one ES|QL query cannot bucket");
        }
        inner = member.counted().timespan();
      }
    }
    List<String> groups = new ArrayList<>();
    for (String group : rule.groupBy()) {
      groups.add(unifiedGroup(members, group, "_g" + groups.size()));
    }
    List<String> innerAggregates = new ArrayList<>();
    List<String> hits = new ArrayList<>();
    List<String> outerAggregates = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      Member member = members.get(i);
      String flag = "_r" + i;
      if (member.counted() == null) {
        evals.add(flag + " = CASE(" + member.sources().get(0).predicate() + ", 1, 0)");
        innerAggregates.add("_m" + i + " = MAX(" + flag + ")");
        flag = "_m" + i;
      } else {
        countedColumns(member, i, innerAggregates, hits);
        flag = "_h" + i;
      }
      outerAggregates.add("_c" + i + " = MAX(" + flag + ")");
      seen.add("_c" + i);
    }
    List<String> conditions = EsqlStats.thresholds(target, "rule_count", rule.thresholds());
    if (conditions.isEmpty()) {
      conditions.add("rule_count >= " + target.escaper().number(BigDecimal.valueOf(members.size())));
    }
    TemplateEngine templates = target.templates();
    Map<String, Object> model = new HashMap<>();
    model.put("index", templates.markup(String.join(", ", indices)));
    model.put("sources", predicates.stream().map(p -> Map.<String, Object>of("predicate", templates.markup(p))).toList());
    model.put("evals", templates.markup(evals));
    model.put("timespan", templates.markup(target.escaper().duration(rule.timespan())));
    model.put("inner_timespan", templates.markup(target.escaper().duration(inner)));
    model.put("inner_aggregate", templates.markup(String.join(", ", innerAggregates)));
    model.put("hits", templates.markup(hits));
    model.put("outer_aggregate", templates.markup(String.join(", ", outerAggregates)));
    model.put("groups", templates.markup(groups));
    model.put("total", templates.markup("rule_count = " + String.join(" + ", seen)));
    model.put("condition", templates.markup(String.join(" AND ", conditions)));
    String query = templates.renderFile("chain.ftl", model).stripTrailing();
    Refusal warning = new Refusal(DiagnosticCode.APPROXIMATE_WINDOW, target.name() + ": the referenced correlations"
        + " are counted per fixed " + target.escaper().duration(inner) + " bucket and the rules are matched per fixed "
        + target.escaper().duration(rule.timespan()) + " bucket (DATE_TRUNC), not over sliding windows: a burst or a"
        + " pair of events that straddles a bucket edge can be missed; COUNT_DISTINCT is also approximate above 3000"
        + " values");
    return new CompileResult(temporal, java.util.Optional.of(query), java.util.Optional.empty(), List.of(warning),
        Map.of(), List.of(), rule.timespan());
  }

  /** Renders a base rule once for the query's WHERE and FROM. */
  private RuleCompiler.Source read(IrRule base) {
    RuleCompiler.Source source = rules.source(base);
    if (!predicates.contains(source.predicate())) {
      predicates.add(source.predicate());
    }
    indices.addAll(target.openMapping(rules.profile()).indices(base.logsource()));
    return source;
  }

  /** The per-bucket count of a referenced correlation and the 0/1 column saying its condition held. */
  private void countedColumns(Member member, int index, List<String> innerAggregates, List<String> hits) {
    CorrelationRule inner = member.counted();
    String value = "_v" + index;
    String count = "_n" + index;
    List<String> arms = new ArrayList<>();
    for (int j = 0; j < member.bases().size(); j++) {
      String measured = inner.type() == CorrelationType.VALUE_COUNT
          ? member.spelling(j, inner.resolveAlias(inner.fields().get(0), IrCorrelation.referenceName(member.bases().get(j))))
          : "1";
      if (inner.type() == CorrelationType.VALUE_COUNT && member.bases().size() > 1) {
        measured = "TO_STRING(" + measured + ")"; // one type in every CASE arm, whatever each rule's field is
      }
      arms.add(member.sources().get(j).predicate() + ", " + measured);
    }
    evals.add(value + " = CASE(" + String.join(", ", arms) + ", " + (inner.type() == CorrelationType.VALUE_COUNT ? "null" : "0") + ")");
    innerAggregates.add(count + " = " + (inner.type() == CorrelationType.VALUE_COUNT ? "COUNT_DISTINCT(" : "SUM(") + value + ")");
    // A bucket where only other members matched counts 0 here; where the condition would hold
    // for 0 (lt, lte, neq ...), such a bucket must not count as the correlation firing.
    List<String> holds = new ArrayList<>();
    if (inner.conditionHolds(BigDecimal.ZERO)) {
      holds.add(count + " > 0");
    }
    holds.addAll(EsqlStats.thresholds(target, count, inner.thresholds()));
    hits.add("_h" + index + " = CASE(" + String.join(" AND ", holds) + ", 1, 0)");
  }

  /** The column of the temporal's group {@code group}: the field when every base rule spells it alike, else a CASE. */
  private String unifiedGroup(List<Member> members, String group, String column) {
    List<String> predicates = new ArrayList<>();
    members.forEach(member -> member.sources().forEach(source -> predicates.add(source.predicate())));
    return EsqlStats.unified(target, predicates, ChainMembers.groupSpellings(temporal, members, group), column, evals);
  }

  private RefusalException refuse(String what) {
    return new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": " + what);
  }
}
