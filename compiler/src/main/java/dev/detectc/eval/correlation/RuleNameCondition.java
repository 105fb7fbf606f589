package dev.detectc.eval.correlation;

import dev.detectc.condition.Condition;
import java.util.List;

/** Evaluates a temporal correlation's rule-name condition over which rules matched in the window. */
final class RuleNameCondition implements Condition.Visitor<Boolean> {

  private final List<String> names;
  private final boolean[] present;

  RuleNameCondition(List<String> names, boolean[] present) {
    this.names = names;
    this.present = present.clone();
  }

  @Override
  public Boolean visitAnd(Condition.And and) {
    return and.terms().stream().allMatch(term -> term.accept(this));
  }

  @Override
  public Boolean visitOr(Condition.Or or) {
    return or.terms().stream().anyMatch(term -> term.accept(this));
  }

  @Override
  public Boolean visitNot(Condition.Not not) {
    return !not.operand().accept(this);
  }

  @Override
  public Boolean visitReference(Condition.Reference reference) {
    int index = names.indexOf(reference.name());
    return index >= 0 && present[index];
  }

  @Override
  public Boolean visitQuantified(Condition.Quantified quantified) {
    boolean all = quantified.quantifier() == Condition.Quantifier.ALL;
    boolean any = false;
    for (int i = 0; i < names.size(); i++) {
      if (quantified.selects(names.get(i))) {
        if (present[i]) {
          any = true;
        } else if (all) {
          return false;
        }
      }
    }
    return all || any;
  }
}
