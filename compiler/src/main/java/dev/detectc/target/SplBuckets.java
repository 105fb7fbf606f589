package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrRule;
import dev.detectc.rule.CorrelationRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A count or value correlation whose condition is only known once a window is complete
 * ({@code lt}, {@code lte}, {@code eq}, {@code neq}): {@code bin _time} into clock-aligned buckets of
 * the timespan, {@code stats} per bucket and group, then the condition. The caller warns that
 * this approximates the Sigma evaluator's windows, which open at each group's first event.
 */
final class SplBuckets {

  private final SplCorrelationCompiler correlation;
  private final SplPipeline pipeline;

  SplBuckets(SplCorrelationCompiler correlation, SplPipeline pipeline) {
    this.correlation = correlation;
    this.pipeline = pipeline;
  }

  void add(IrCorrelation node) {
    CorrelationRule rule = node.correlation();
    SplTemplates templates = pipeline.templates();
    List<SplMember> members = new ArrayList<>();
    node.rules().forEach(rule1 -> members.add(new SplMember(rule1, pipeline.tagged() ? correlation.ruleTest((IrRule) rule1) : null,
        List.of())));
    SplNodeFields fields = new SplNodeFields(correlation, node, members, "");
    String function = SplAggregate.function(correlation, rule, fields, "");
    if (!fields.helpers().isEmpty()) {
      pipeline.add(templates.command("eval", templates.model("assignments", new ArrayList<>(fields.helpers()))));
    }
    String window = templates.target().escaper().duration(rule.timespan());
    pipeline.add(templates.command("bin", templates.model("window", window)));
    pipeline.add(templates.command("stats", templates.model("aggregations", List.of(function + " as " + rule.type().id()),
        "groups", fields.groups())));
    pipeline.add(templates.command("where", templates.model("condition", SplAggregate.condition(correlation, rule, rule.type().id()))));
    pipeline.groups(fields.groups());
  }
}
