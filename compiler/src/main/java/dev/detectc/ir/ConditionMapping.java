package dev.detectc.ir;

import dev.detectc.condition.Condition;

/**
 * Maps a condition's boolean structure onto IR; subclasses decide what a name (and an
 * {@code x of} quantifier) stands for: a search in a detection, a rule in a correlation.
 */
public abstract class ConditionMapping implements Condition.Visitor<IrExpr> {

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
}
