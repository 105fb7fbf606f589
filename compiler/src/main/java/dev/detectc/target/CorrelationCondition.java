package dev.detectc.target;

import dev.detectc.condition.Condition;
import dev.detectc.condition.ConditionParser;
import dev.detectc.condition.ParsedCondition;
import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrExpr;
import dev.detectc.ir.NumericCompare;
import dev.detectc.rule.ComparisonOp;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.CorrelationType;
import dev.detectc.source.DiagnosticCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A correlation's condition as a predicate over the aggregated row: thresholds test {@code _n}
 * (the count, distinct values, sum...), and an extended temporal condition tests which rules
 * matched ({@code _c0 > 0} for the first). Built as IR and rendered by the shared renderer, so
 * precedence, negation and escaping follow the target like any rule condition.
 */
final class CorrelationCondition {

  private final Target target;
  private final Profile profile;

  CorrelationCondition(Target target, Profile profile) {
    this.target = target;
    this.profile = profile;
  }

  String render(IrCorrelation correlation) {
    CorrelationRule rule = correlation.correlation();
    QueryRenderer renderer = new QueryRenderer(target, profile, new FieldResolver(profile, null, target.escaper()));
    if (rule.extendedCondition() != null) {
      ParsedCondition parsed = new ConditionParser().parse(rule.extendedCondition().text());
      return renderer.render(parsed.condition().accept(new RulePresence(correlation)));
    }
    List<CorrelationRule.Threshold> thresholds = rule.thresholds();
    if (thresholds.isEmpty() && rule.type().isTemporal()) {
      thresholds = List.of(new CorrelationRule.Threshold(ComparisonOp.GTE, BigDecimal.valueOf(correlation.rules().size())));
    }
    if (thresholds.isEmpty()) {
      throw refuse("a " + rule.type().id() + " correlation without a condition");
    }
    if (rule.type() == CorrelationType.TEMPORAL_ORDERED && !(thresholds.size() == 1
        && thresholds.get(0).op() == ComparisonOp.GTE && thresholds.get(0).value().intValue() == correlation.rules().size())) {
      throw refuse("temporal_ordered with a condition other than all rules in order is not supported by this target");
    }
    List<IrExpr> tests = new ArrayList<>();
    for (CorrelationRule.Threshold threshold : thresholds) {
      tests.add(threshold.op() == ComparisonOp.NEQ
          ? IrExpr.not(new NumericCompare("_n", ComparisonOp.EQ, threshold.value()))
          : new NumericCompare("_n", threshold.op(), threshold.value()));
    }
    return renderer.render(IrExpr.and(tests));
  }

  private RefusalException refuse(String what) {
    return new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": " + what);
  }

  /** An extended temporal condition as IR: "rule r matched in the window" is {@code _c<i> > 0}. */
  private final class RulePresence implements Condition.Visitor<IrExpr> {
    private final IrCorrelation correlation;

    RulePresence(IrCorrelation correlation) {
      this.correlation = correlation;
    }

    @Override
    public IrExpr visitAnd(Condition.And and) {
      return IrExpr.and(and.terms().stream().map(term -> term.accept(this)).toList());
    }

    @Override
    public IrExpr visitOr(Condition.Or or) {
      return IrExpr.or(or.terms().stream().map(term -> term.accept(this)).toList());
    }

    @Override
    public IrExpr visitNot(Condition.Not not) {
      return IrExpr.not(not.operand().accept(this));
    }

    @Override
    public IrExpr visitReference(Condition.Reference reference) {
      for (int i = 0; i < correlation.rules().size(); i++) {
        if (IrCorrelation.referenceName(correlation.rules().get(i)).equals(reference.name())) {
          return new NumericCompare("_c" + i, ComparisonOp.GT, BigDecimal.ZERO);
        }
      }
      throw refuse("the temporal condition names '" + reference.name() + "', which is not one of its rules");
    }

    @Override
    public IrExpr visitQuantified(Condition.Quantified quantified) {
      throw refuse("'x of' in a temporal rule condition is not supported by this target");
    }
  }
}
