package dev.detectc.testing.spl;

import dev.detectc.testing.spl.grammar.SplQueryBaseVisitor;
import dev.detectc.testing.spl.grammar.SplQueryParser;
import java.math.BigDecimal;
import java.util.List;

/**
 * Eval-expression semantics (the {@code where} and {@code eval} commands): string comparison
 * is case-sensitive, numeric-looking values compare as numbers, a missing field is null, and
 * Boolean operators follow SQL's three-valued logic. NOT over a null is refused as unmodelled:
 * Splunk does not document it, so the target must never depend on it.
 */
final class EvalExpressions extends SplQueryBaseVisitor<Value> {

  private final Row row;

  private EvalExpressions(Row row) {
    this.row = row;
  }

  static Value evaluate(SplQueryParser.EvalExprContext expr, Row row) {
    return expr.accept(new EvalExpressions(row));
  }

  /** True only when the expression is true; false and null both drop the row. */
  static boolean holds(SplQueryParser.EvalExprContext expr, Row row) {
    Value value = evaluate(expr, row);
    if (value == null) {
      return false;
    }
    if (!(value instanceof Value.Bool)) {
      throw new UnmodelledException("a where expression that is not Boolean: " + expr.getText());
    }
    return ((Value.Bool) value).truth();
  }

  @Override
  public Value visitEvalGroup(SplQueryParser.EvalGroupContext ctx) {
    return ctx.evalExpr().accept(this);
  }

  @Override
  public Value visitEvalQuotedField(SplQueryParser.EvalQuotedFieldContext ctx) {
    return row.get(SplStrings.unquoteField(ctx.QFIELD().getText()));
  }

  @Override
  public Value visitEvalBareField(SplQueryParser.EvalBareFieldContext ctx) {
    String name = ctx.WORD().getText();
    if (name.contains(".")) {
      // A bare dotted name would be read as concatenation by Splunk's eval.
      throw new UnmodelledException("a bare dotted field name in an eval expression: " + name);
    }
    return row.get(name);
  }

  @Override
  public Value visitEvalString(SplQueryParser.EvalStringContext ctx) {
    return new Value.Text(SplStrings.unquote(ctx.STRING().getText()));
  }

  @Override
  public Value visitEvalNumber(SplQueryParser.EvalNumberContext ctx) {
    return new Value.Num(new BigDecimal(ctx.NUMBER().getText()));
  }

  @Override
  public Value visitEvalNegate(SplQueryParser.EvalNegateContext ctx) {
    BigDecimal number = Value.number(ctx.evalExpr().accept(this));
    return number == null ? null : new Value.Num(number.negate());
  }

  @Override
  public Value visitEvalArithmetic(SplQueryParser.EvalArithmeticContext ctx) {
    Value left = ctx.left.accept(this);
    Value right = ctx.right.accept(this);
    if (left == null || right == null) {
      return null;
    }
    if (ctx.op.getType() == SplQueryParser.DOT) {
      return new Value.Text(Value.text(left) + Value.text(right));
    }
    BigDecimal a = Value.number(left);
    BigDecimal b = Value.number(right);
    if (a == null || b == null) {
      throw new UnmodelledException("arithmetic on text: " + ctx.getText());
    }
    return new Value.Num(ctx.op.getType() == SplQueryParser.PLUS ? a.add(b) : a.subtract(b));
  }

  @Override
  public Value visitEvalCompare(SplQueryParser.EvalCompareContext ctx) {
    Value left = ctx.left.accept(this);
    Value right = ctx.right.accept(this);
    if (left == null || right == null) {
      return null;
    }
    if (left instanceof Value.Multi || right instanceof Value.Multi) {
      throw new UnmodelledException("a comparison with a multivalue field: " + ctx.getText());
    }
    BigDecimal a = Value.number(left);
    BigDecimal b = Value.number(right);
    int order = a != null && b != null ? a.compareTo(b) : Value.text(left).compareTo(Value.text(right));
    switch (ctx.op.getType()) {
      case SplQueryParser.EQ:
      case SplQueryParser.EQEQ:
        return new Value.Bool(order == 0);
      case SplQueryParser.NEQ:
        return new Value.Bool(order != 0);
      case SplQueryParser.LT:
        return new Value.Bool(order < 0);
      case SplQueryParser.LE:
        return new Value.Bool(order <= 0);
      case SplQueryParser.GT:
        return new Value.Bool(order > 0);
      default:
        return new Value.Bool(order >= 0);
    }
  }

  @Override
  public Value visitEvalNot(SplQueryParser.EvalNotContext ctx) {
    Value operand = ctx.evalExpr().accept(this);
    if (operand == null) {
      throw new UnmodelledException("NOT over a null value: " + ctx.getText());
    }
    return new Value.Bool(!truth(operand, ctx));
  }

  @Override
  public Value visitEvalAnd(SplQueryParser.EvalAndContext ctx) {
    Value left = ctx.left.accept(this);
    if (left != null && !truth(left, ctx)) {
      return new Value.Bool(false);
    }
    Value right = ctx.right.accept(this);
    if (right != null && !truth(right, ctx)) {
      return new Value.Bool(false);
    }
    return left == null || right == null ? null : new Value.Bool(true);
  }

  @Override
  public Value visitEvalOr(SplQueryParser.EvalOrContext ctx) {
    Value left = ctx.left.accept(this);
    if (left != null && truth(left, ctx)) {
      return new Value.Bool(true);
    }
    Value right = ctx.right.accept(this);
    if (right != null && truth(right, ctx)) {
      return new Value.Bool(true);
    }
    return left == null || right == null ? null : new Value.Bool(false);
  }

  @Override
  public Value visitEvalCall(SplQueryParser.EvalCallContext ctx) {
    List<SplQueryParser.EvalExprContext> args = ctx.evalExpr();
    return EvalFunctions.call(ctx.name.getText(), args, this, ctx.getText());
  }

  static boolean truth(Value value, org.antlr.v4.runtime.ParserRuleContext where) {
    if (!(value instanceof Value.Bool)) {
      throw new UnmodelledException("a non-Boolean operand of a Boolean operator: " + where.getText());
    }
    return ((Value.Bool) value).truth();
  }
}
