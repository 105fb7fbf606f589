package dev.detectc.eval;

import dev.detectc.ir.And;
import dev.detectc.ir.BoolMatch;
import dev.detectc.ir.CidrMatch;
import dev.detectc.ir.FieldExists;
import dev.detectc.ir.FieldRef;
import dev.detectc.ir.IrExpr;
import dev.detectc.ir.IsNull;
import dev.detectc.ir.KeywordMatch;
import dev.detectc.ir.Not;
import dev.detectc.ir.NumericCompare;
import dev.detectc.ir.Or;
import dev.detectc.ir.Placeholder;
import dev.detectc.ir.RegexMatch;
import dev.detectc.ir.StringMatch;
import dev.detectc.ir.TimePart;
import java.util.Set;

/**
 * Gathers the fields an expression reads; returns false when it searches the whole event
 * (keywords), in which case no field may be left out.
 */
final class FieldCollector implements IrExpr.Visitor<Boolean> {

  private final Set<String> fields;

  FieldCollector(Set<String> fields) {
    this.fields = fields;
  }

  private boolean add(String field) {
    fields.add(field);
    return true;
  }

  private boolean all(java.util.List<IrExpr> terms) {
    boolean bounded = true;
    for (IrExpr term : terms) {
      bounded &= term.accept(this);
    }
    return bounded;
  }

  @Override
  public Boolean visitAnd(And and) {
    return all(and.terms());
  }

  @Override
  public Boolean visitOr(Or or) {
    return all(or.terms());
  }

  @Override
  public Boolean visitNot(Not not) {
    return not.operand().accept(this);
  }

  @Override
  public Boolean visitString(StringMatch match) {
    return add(match.field());
  }

  @Override
  public Boolean visitKeyword(KeywordMatch match) {
    return false;
  }

  @Override
  public Boolean visitRegex(RegexMatch match) {
    return add(match.field());
  }

  @Override
  public Boolean visitCidr(CidrMatch match) {
    return add(match.field());
  }

  @Override
  public Boolean visitNumeric(NumericCompare compare) {
    return add(compare.field());
  }

  @Override
  public Boolean visitBool(BoolMatch match) {
    return add(match.field());
  }

  @Override
  public Boolean visitExists(FieldExists exists) {
    return add(exists.field());
  }

  @Override
  public Boolean visitNull(IsNull isNull) {
    return add(isNull.field());
  }

  @Override
  public Boolean visitFieldRef(FieldRef ref) {
    return add(ref.field()) && add(ref.otherField());
  }

  @Override
  public Boolean visitTimePart(TimePart part) {
    return add(part.field());
  }

  @Override
  public Boolean visitPlaceholder(Placeholder placeholder) {
    return add(placeholder.field());
  }
}
