package dev.detectc.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of the IR: boolean structure over matchers. The hierarchy is closed; consumers
 * implement {@link Visitor}, so a new node kind breaks every consumer at compile time.
 */
public sealed interface IrExpr
    permits And, Or, Not, StringMatch, KeywordMatch, RegexMatch, CidrMatch, NumericCompare, BoolMatch, FieldExists,
        IsNull, FieldRef, TimePart, Placeholder {

  <R> R accept(Visitor<R> visitor);

  /** One method per node kind. */
  interface Visitor<R> {
    R visitAnd(And and);

    R visitOr(Or or);

    R visitNot(Not not);

    R visitString(StringMatch match);

    R visitKeyword(KeywordMatch match);

    R visitRegex(RegexMatch match);

    R visitCidr(CidrMatch match);

    R visitNumeric(NumericCompare compare);

    R visitBool(BoolMatch match);

    R visitExists(FieldExists exists);

    R visitNull(IsNull isNull);

    R visitFieldRef(FieldRef ref);

    R visitTimePart(TimePart part);

    R visitPlaceholder(Placeholder placeholder);
  }

  /** The conjunction of {@code terms}, flattened; a single term is returned as is. */
  static IrExpr and(List<IrExpr> terms) {
    List<IrExpr> flat = new ArrayList<>();
    for (IrExpr term : terms) {
      if (term instanceof And) {
        flat.addAll(((And) term).terms());
      } else {
        flat.add(term);
      }
    }
    return flat.size() == 1 ? flat.get(0) : new And(flat);
  }

  /** The disjunction of {@code terms}, flattened; a single term is returned as is. */
  static IrExpr or(List<IrExpr> terms) {
    List<IrExpr> flat = new ArrayList<>();
    for (IrExpr term : terms) {
      if (term instanceof Or) {
        flat.addAll(((Or) term).terms());
      } else {
        flat.add(term);
      }
    }
    return flat.size() == 1 ? flat.get(0) : new Or(flat);
  }

  /** Negation, with double negation removed. */
  static IrExpr not(IrExpr operand) {
    return operand instanceof Not ? ((Not) operand).operand() : new Not(operand);
  }
}
