package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.CorrelationType;
import dev.detectc.source.DiagnosticCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * event_count, value_count and temporal correlations as ES|QL {@code STATS ... BY} over fixed
 * {@code DATE_TRUNC} buckets of the timespan. Group-by fields spelled differently per rule
 * (aliases) and the value_count field are unified with {@code CASE} on each rule's predicate;
 * temporal counts the rules seen in a bucket with one 0/1 column per rule, so an event matching
 * two rules counts for both.
 */
final class EsqlStats {

  private EsqlStats() {}

  static String write(Target target, RuleCompiler rules, IrCorrelation correlation, List<RuleCompiler.Source> sources) {
    CorrelationRule rule = correlation.correlation();
    CorrelationType type = rule.type();
    if (type != CorrelationType.EVENT_COUNT && type != CorrelationType.VALUE_COUNT && type != CorrelationType.TEMPORAL) {
      throw new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": " + type.id()
          + " is not written in ES|QL by detectc (event_count, value_count and temporal are)");
    }
    if (rule.extendedCondition() != null) {
      throw new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": a temporal condition over rule"
          + " names cannot be written as one ES|QL condition");
    }
    Escaper escaper = target.escaper();
    TemplateEngine templates = target.templates();
    List<String> evals = new ArrayList<>();
    List<String> groups = new ArrayList<>();
    for (String group : rule.groupBy()) {
      String unified = unify(target, correlation, sources, group, "_g" + groups.size(), evals);
      groups.add(unified);
    }
    String aggregate;
    String measure;
    String total = null;
    if (type == CorrelationType.EVENT_COUNT) {
      measure = "event_count";
      aggregate = "event_count = COUNT(*)";
    } else if (type == CorrelationType.VALUE_COUNT) {
      if (rule.fields().size() != 1) {
        throw new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": value_count over "
            + rule.fields().size() + " fields is not supported; name one field");
      }
      measure = "value_count";
      aggregate = "value_count = COUNT_DISTINCT(" + unify(target, correlation, sources, rule.fields().get(0), "_value", evals)
          + ")";
    } else {
      measure = "rule_count";
      List<String> flags = new ArrayList<>();
      List<String> maxima = new ArrayList<>();
      for (int i = 0; i < sources.size(); i++) {
        flags.add("_r" + i + " = CASE(" + sources.get(i).predicate() + ", 1, 0)");
        maxima.add("_c" + i + " = MAX(_r" + i + ")");
      }
      evals.add(String.join(", ", flags));
      aggregate = String.join(", ", maxima);
      total = "rule_count = " + String.join(" + ", maxima.stream().map(m -> m.substring(0, m.indexOf(' '))).toList());
    }
    List<String> conditions = thresholds(target, measure, rule.thresholds());
    if (conditions.isEmpty()) {
      conditions.add(measure + " >= " + escaper.number(BigDecimal.valueOf(sources.size())));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("index", templates.markup(String.join(", ", ElasticCorrelations.indices(target, rules, correlation))));
    List<Map<String, Object>> predicates = new ArrayList<>();
    sources.forEach(source -> predicates.add(Map.of("predicate", templates.markup(source.predicate()))));
    model.put("sources", predicates);
    model.put("evals", templates.markup(evals));
    model.put("timespan", templates.markup(escaper.duration(rule.timespan())));
    model.put("aggregate", templates.markup(aggregate));
    model.put("groups", templates.markup(groups));
    model.put("has_total", total != null);
    model.put("total", templates.markup(total == null ? "" : total));
    model.put("condition", templates.markup(String.join(" AND ", conditions)));
    return templates.renderFile("stats.ftl", model).stripTrailing();
  }

  /** The field every rule spells alike, or a CASE over the rules' predicates named {@code name}. */
  private static String unify(Target target, IrCorrelation correlation, List<RuleCompiler.Source> sources, String field,
      String name, List<String> evals) {
    CorrelationRule rule = correlation.correlation();
    List<String> spellings = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      String ruleName = IrCorrelation.referenceName(correlation.rules().get(i));
      spellings.add(sources.get(i).fields().resolve(rule.resolveAlias(field, ruleName)).text());
    }
    return unified(target, sources.stream().map(RuleCompiler.Source::predicate).toList(), spellings, name, evals);
  }

  /**
   * One column for a field the rules spell differently: the field itself when every spelling is
   * the same, otherwise {@code name = CASE(predicate, field, ...)} added to {@code evals}.
   * {@code predicates} and {@code spellings} pair up, one per base rule.
   */
  static String unified(Target target, List<String> predicates, List<String> spellings, String name, List<String> evals) {
    if (spellings.stream().distinct().count() == 1) {
      return spellings.get(0);
    }
    // ES|QL's CASE needs one type in every arm, and the spellings may differ in type too (a
    // keyword IpAddress against the ip-typed source.ip), so each arm is made a string.
    List<String> arms = new ArrayList<>();
    for (int i = 0; i < predicates.size(); i++) {
      arms.add(predicates.get(i) + ", TO_STRING(" + spellings.get(i) + ")");
    }
    String column = target.escaper().identifier(name);
    evals.add(column + " = CASE(" + String.join(", ", arms) + ")");
    return column;
  }

  /** {@code column op value} for each threshold, AND-ed by the caller. */
  static List<String> thresholds(Target target, String column, List<CorrelationRule.Threshold> thresholds) {
    List<String> conditions = new ArrayList<>();
    for (CorrelationRule.Threshold threshold : thresholds) {
      conditions.add(column + " " + threshold.op().symbol() + " " + target.escaper().number(threshold.value()));
    }
    return conditions;
  }
}
