package dev.detectc.target;

import dev.detectc.condition.Condition;
import dev.detectc.condition.ConditionParser;
import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import dev.detectc.ir.IrRule;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.CorrelationType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One correlation as sliding-window commands: referenced correlations first, then the helper
 * evals, a {@code streamstats time_window} over the member rows, and either the final
 * {@code where} (outermost) or an eval marking the rows where it held ({@code sigma_fired<n>}).
 */
final class SplSlidingNode {

  private final SplCorrelationCompiler correlation;
  private final SplPipeline pipeline;
  private final SplTemplates templates;
  private final boolean outermost;

  SplSlidingNode(SplCorrelationCompiler correlation, SplPipeline pipeline, boolean outermost) {
    this.correlation = correlation;
    this.pipeline = pipeline;
    this.templates = pipeline.templates();
    this.outermost = outermost;
  }

  /** Adds the node's commands; the result describes the rows where it held, for a correlation above. */
  SplMember add(IrCorrelation node) {
    CorrelationRule rule = node.correlation();
    List<SplMember> members = new ArrayList<>();
    for (IrDocument document : node.rules()) {
      if (document instanceof IrCorrelation) {
        IrCorrelation inner = (IrCorrelation) document;
        if (!SplWindows.sliding(inner.correlation())) {
          throw templates.refuse("the referenced correlation '" + IrCorrelation.referenceName(inner) + "' has a condition known"
              + " only once its window closes (" + SplWindows.describe(inner.correlation()) + "), so it cannot mark rows for "
              + "another correlation in SPL");
        }
        members.add(new SplSlidingNode(correlation, pipeline, false).add(inner));
      } else {
        IrRule leaf = (IrRule) document;
        members.add(new SplMember(leaf, pipeline.tagged() ? correlation.ruleTest(leaf) : null, List.of()));
      }
    }
    String suffix = pipeline.suffix(outermost);
    SplNodeFields fields = new SplNodeFields(correlation, node, members, suffix);
    String window = templates.target().escaper().duration(rule.timespan());
    String condition;
    if (rule.type() == CorrelationType.TEMPORAL_ORDERED) {
      condition = ordered(node, fields, members, suffix, window);
    } else {
      condition = rule.type() == CorrelationType.TEMPORAL ? temporal(node, fields, members, suffix, window)
          : aggregate(rule, fields, suffix, window);
      condition = fields.memberCondition(condition);
    }
    if (outermost) {
      pipeline.add(templates.command("where", templates.model("condition", condition)));
      pipeline.groups(fields.groups());
      return null;
    }
    String fired = "sigma_fired" + suffix;
    fields.assign(fired, "if(" + condition + ", 1, null())");
    eval(fields);
    return new SplMember(node, "isnotnull(" + fired + ")", fields.groups());
  }

  /** event_count and value_*: one aggregate over the window, tested against the thresholds. */
  private String aggregate(CorrelationRule rule, SplNodeFields fields, String suffix, String window) {
    String function = SplAggregate.function(correlation, rule, fields, suffix);
    String name = outermost ? rule.type().id() : "sigma_" + rule.type().id() + suffix;
    eval(fields);
    streamstats(false, window, List.of(function + " as " + name), fields.groups());
    return SplAggregate.condition(correlation, rule, name);
  }

  /** temporal: which members matched in the window, as 1 or null per member ({@code max} of a presence flag). */
  private String temporal(IrCorrelation node, SplNodeFields fields, List<SplMember> members, String suffix, String window) {
    List<String> aggregations = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (int j = 0; j < members.size(); j++) {
      String test = members.get(j).test();
      String flag = fields.assign("sigma_match" + suffix + "_" + j, test == null ? "1" : "if(" + test + ", 1, null())");
      seen.add("sigma_seen" + suffix + "_" + j);
      aggregations.add("max(" + flag + ") as " + seen.get(j));
    }
    eval(fields);
    streamstats(false, window, aggregations, fields.groups());
    CorrelationRule rule = node.correlation();
    if (rule.extendedCondition() != null) {
      Condition parsed = new ConditionParser().parse(rule.extendedCondition().text()).condition();
      return parsed.accept(new SplRulePresence(templates, members, seen)).text();
    }
    String count = outermost ? "rule_count" : "sigma_rule_count" + suffix;
    fields.assign(count, String.join("+", seen.stream().map(field -> "coalesce(" + field + ", 0)").toList()));
    eval(fields);
    List<CorrelationRule.Threshold> thresholds = rule.thresholds().isEmpty()
        ? List.of(new CorrelationRule.Threshold(dev.detectc.rule.ComparisonOp.GTE, BigDecimal.valueOf(members.size())))
        : rule.thresholds();
    return templates.join("and", thresholds.stream().map(threshold -> SplText.atom(correlation.threshold(count, threshold))).toList(),
        true).text();
  }

  /**
   * temporal_ordered: for each member in turn, the latest time a chain of the members before it
   * could have started ({@code max} over the earlier rows in the window); the condition holds at a
   * last member's row whose chain started within the timespan.
   */
  private String ordered(IrCorrelation node, SplNodeFields fields, List<SplMember> members, String suffix, String window) {
    CorrelationRule rule = node.correlation();
    if (rule.extendedCondition() != null) {
      throw templates.refuse("a temporal_ordered correlation with a rule-name condition has no defined order for negated or"
          + " alternative rules; use temporal, or list the rules in order without a condition");
    }
    BigDecimal all = BigDecimal.valueOf(members.size());
    if (!rule.thresholds().isEmpty() && !rule.conditionHolds(all)) {
      throw templates.refuse("temporal_ordered counts all " + members.size() + " rules in order, and its condition ("
          + SplWindows.describe(rule) + ") does not hold for " + members.size() + ", so it could never fire");
    }
    String previous = null;
    for (int j = 0; j < members.size(); j++) {
      String test = members.get(j).test();
      String chain = "sigma_chain" + suffix + "_" + j;
      String start = previous == null ? "_time" : previous;
      List<String> conditions = new ArrayList<>();
      if (test != null) {
        conditions.add(test);
      }
      if (previous != null) {
        conditions.add("isnotnull(" + previous + ")");
      }
      String when = conditions.isEmpty() ? null : templates.join("and",
          conditions.stream().map(SplText::compound).toList(), true).text();
      fields.assign(chain, when == null ? start : "if(" + when + ", " + start + ", null())");
      eval(fields);
      if (j < members.size() - 1) {
        previous = "sigma_after" + suffix + "_" + j;
        streamstats(true, window, List.of("max(" + chain + ") as " + previous), fields.groups());
      } else {
        previous = chain;
      }
    }
    long seconds = SplWindows.seconds(templates, rule);
    return "isnotnull(" + previous + ") AND " + previous + ">=_time-" + seconds;
  }

  private void eval(SplNodeFields fields) {
    if (!fields.helpers().isEmpty()) {
      pipeline.add(templates.command("eval", templates.model("assignments", new ArrayList<>(fields.helpers()))));
      fields.helpers().clear();
    }
  }

  private void streamstats(boolean previousOnly, String window, List<String> aggregations, List<String> groups) {
    Map<String, Object> model = templates.model("current", previousOnly, "window", window, "aggregations", aggregations,
        "grouped", !groups.isEmpty(), "groups", groups);
    pipeline.add(templates.command("streamstats", model));
  }
}
