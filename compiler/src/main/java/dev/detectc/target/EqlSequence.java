package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.rule.ComparisonOp;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.source.DiagnosticCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A temporal_ordered correlation as an EQL sequence. EQL matches each rule once, in the given
 * order, within maxspan of the first event; so the condition must ask for all the rules (the
 * default), and each step joins on its own spelling of the group-by fields (aliases).
 */
final class EqlSequence {

  private EqlSequence() {}

  static String write(Target target, IrCorrelation correlation, List<RuleCompiler.Source> sources) {
    CorrelationRule rule = correlation.correlation();
    if (rule.type() != dev.detectc.rule.CorrelationType.TEMPORAL_ORDERED) {
      throw new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": " + rule.type().id()
          + " cannot be written in EQL, whose only correlation is the ordered sequence (temporal_ordered); use esql");
    }
    int count = sources.size();
    boolean allRules = rule.thresholds().stream().allMatch(t -> (t.op() == ComparisonOp.GTE || t.op() == ComparisonOp.EQ)
        && t.value().compareTo(BigDecimal.valueOf(count)) == 0);
    if (!allRules || rule.extendedCondition() != null) {
      throw new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": an EQL sequence needs every"
          + " referenced rule in order; a condition on fewer of them cannot be written as one");
    }
    TemplateEngine templates = target.templates();
    List<Map<String, Object>> steps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RuleCompiler.Source source = sources.get(i);
      String name = IrCorrelation.referenceName(correlation.rules().get(i));
      List<String> by = rule.groupBy().stream()
          .map(group -> source.fields().resolve(rule.resolveAlias(group, name)).text()).toList();
      Map<String, Object> step = new HashMap<>();
      step.put("predicate", templates.markup(source.predicate()));
      step.put("has_by", !by.isEmpty());
      step.put("by", templates.markup(by));
      steps.add(step);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("timespan", templates.markup(target.escaper().duration(rule.timespan())));
    model.put("sources", steps);
    return templates.renderFile("sequence.ftl", model).stripTrailing();
  }
}
