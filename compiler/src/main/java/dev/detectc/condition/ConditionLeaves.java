package dev.detectc.condition;

import java.util.function.Consumer;

/** Walks a condition and hands every identifier and every quantifier to the given consumers. */
public final class ConditionLeaves implements Condition.Visitor<Void> {

  private final Consumer<Condition.Reference> references;
  private final Consumer<Condition.Quantified> quantifiers;

  private ConditionLeaves(Consumer<Condition.Reference> references, Consumer<Condition.Quantified> quantifiers) {
    this.references = references;
    this.quantifiers = quantifiers;
  }

  public static void visit(Condition condition, Consumer<Condition.Reference> references,
      Consumer<Condition.Quantified> quantifiers) {
    condition.accept(new ConditionLeaves(references, quantifiers));
  }

  @Override
  public Void visitAnd(Condition.And and) {
    and.terms().forEach(term -> term.accept(this));
    return null;
  }

  @Override
  public Void visitOr(Condition.Or or) {
    or.terms().forEach(term -> term.accept(this));
    return null;
  }

  @Override
  public Void visitNot(Condition.Not not) {
    return not.operand().accept(this);
  }

  @Override
  public Void visitReference(Condition.Reference reference) {
    references.accept(reference);
    return null;
  }

  @Override
  public Void visitQuantified(Condition.Quantified quantified) {
    quantifiers.accept(quantified);
    return null;
  }
}
