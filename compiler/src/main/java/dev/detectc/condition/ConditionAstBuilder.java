package dev.detectc.condition;

import dev.detectc.condition.grammar.SigmaConditionBaseVisitor;
import dev.detectc.condition.grammar.SigmaConditionParser;
import java.util.List;

/** Builds the immutable {@link Condition} tree from ANTLR's parse tree. */
final class ConditionAstBuilder extends SigmaConditionBaseVisitor<Condition> {

  @Override
  public Condition visitStandaloneCondition(SigmaConditionParser.StandaloneConditionContext ctx) {
    return visit(ctx.condition());
  }

  @Override
  public Condition visitCondition(SigmaConditionParser.ConditionContext ctx) {
    return visit(ctx.orExpression());
  }

  @Override
  public Condition visitOrExpression(SigmaConditionParser.OrExpressionContext ctx) {
    List<Condition> terms = ctx.terms.stream().map(this::visit).toList();
    return terms.size() == 1 ? terms.get(0) : new Condition.Or(terms);
  }

  @Override
  public Condition visitAndExpression(SigmaConditionParser.AndExpressionContext ctx) {
    List<Condition> terms = ctx.terms.stream().map(this::visit).toList();
    return terms.size() == 1 ? terms.get(0) : new Condition.And(terms);
  }

  @Override
  public Condition visitNegation(SigmaConditionParser.NegationContext ctx) {
    return new Condition.Not(visit(ctx.operand));
  }

  @Override
  public Condition visitPositive(SigmaConditionParser.PositiveContext ctx) {
    return visit(ctx.primary());
  }

  @Override
  public Condition visitGroup(SigmaConditionParser.GroupContext ctx) {
    return visit(ctx.condition());
  }

  @Override
  public Condition visitReference(SigmaConditionParser.ReferenceContext ctx) {
    return new Condition.Reference(ctx.IDENTIFIER().getText(), ctx.start.getStartIndex());
  }

  @Override
  public Condition visitQuantified(SigmaConditionParser.QuantifiedContext ctx) {
    // "any of" is pySigma's synonym for "1 of".
    Condition.Quantifier quantifier =
        ctx.quantifier().ALL() != null ? Condition.Quantifier.ALL : Condition.Quantifier.ONE;
    String pattern = ctx.target() instanceof SigmaConditionParser.ThemContext ? null : ctx.target().getText();
    return new Condition.Quantified(quantifier, pattern, ctx.start.getStartIndex());
  }
}
