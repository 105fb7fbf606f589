package dev.detectc.condition;

import java.util.stream.Collectors;

/**
 * Prints a condition canonically: every And/Or in parentheses, lower-case keywords, "1 of"
 * for "any of". Parsing the output gives back the same tree.
 */
public final class ConditionPrinter implements Condition.Visitor<String> {

  public static String print(Condition condition) {
    return condition.accept(new ConditionPrinter());
  }

  @Override
  public String visitAnd(Condition.And and) {
    return and.terms().stream().map(term -> term.accept(this)).collect(Collectors.joining(" and ", "(", ")"));
  }

  @Override
  public String visitOr(Condition.Or or) {
    return or.terms().stream().map(term -> term.accept(this)).collect(Collectors.joining(" or ", "(", ")"));
  }

  @Override
  public String visitNot(Condition.Not not) {
    return "not " + not.operand().accept(this);
  }

  @Override
  public String visitReference(Condition.Reference reference) {
    return reference.name();
  }

  @Override
  public String visitQuantified(Condition.Quantified quantified) {
    return quantified.quantifier().keyword() + " of " + (quantified.isThem() ? "them" : quantified.pattern());
  }
}
