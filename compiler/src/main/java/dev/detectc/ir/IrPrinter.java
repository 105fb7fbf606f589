package dev.detectc.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints IR canonically, one node per line, indented by depth: the format of {@code ir.txt}
 * golden files and of debug output. Strings are printed as Sigma values (escapes included) in
 * single quotes with quotes doubled, so the text is unambiguous.
 */
public final class IrPrinter implements IrExpr.Visitor<String> {

  private int depth;

  public static String print(IrExpr expr) {
    return expr.accept(new IrPrinter());
  }

  public static String print(IrDocument document) {
    StringBuilder text = new StringBuilder();
    if (document instanceof IrRule) {
      IrRule rule = (IrRule) document;
      text.append("rule ").append(quote(rule.info().title())).append('\n');
      text.append("logsource ").append(rule.logsource()).append('\n');
      for (IrExpr condition : rule.conditions()) {
        text.append("condition\n").append(indent(print(condition), 1));
      }
    } else {
      IrCorrelation correlation = (IrCorrelation) document;
      var rule = correlation.correlation();
      text.append("correlation ").append(quote(rule.info().title())).append(' ').append(rule.type().id()).append('\n');
      text.append("rules ").append(correlation.rules().stream().map(IrCorrelation::referenceName)
          .collect(Collectors.joining(", "))).append('\n');
      text.append("group-by ").append(String.join(", ", rule.groupBy())).append('\n');
      text.append("timespan ").append(rule.timespan().toSeconds()).append("s\n");
      rule.thresholds().forEach(t -> text.append("when ").append(t.op().id()).append(' ').append(t.value().toPlainString())
          .append('\n'));
      if (!rule.fields().isEmpty()) {
        text.append("field ").append(String.join(", ", rule.fields())).append('\n');
      }
    }
    return text.toString();
  }

  private static String indent(String text, int levels) {
    String pad = "  ".repeat(levels);
    return text.lines().map(line -> pad + line + "\n").collect(Collectors.joining());
  }

  static String quote(String text) {
    return text == null ? "null" : "'" + text.replace("'", "''") + "'";
  }

  private String node(String head, List<IrExpr> children) {
    StringBuilder text = new StringBuilder(head).append('\n');
    for (IrExpr child : children) {
      text.append(indent(child.accept(this), 1));
    }
    return text.toString().stripTrailing();
  }

  @Override
  public String visitAnd(And and) {
    return node("and", and.terms());
  }

  @Override
  public String visitOr(Or or) {
    return node("or", or.terms());
  }

  @Override
  public String visitNot(Not not) {
    return node("not", List.of(not.operand()));
  }

  @Override
  public String visitString(StringMatch match) {
    return "string " + match.field() + " " + match.kind().id() + " " + quote(match.pattern().toSigma())
        + (match.cased() ? " cased" : "");
  }

  @Override
  public String visitKeyword(KeywordMatch match) {
    return "keyword " + match.kind().id() + " " + quote(match.pattern().toSigma()) + (match.cased() ? " cased" : "");
  }

  @Override
  public String visitRegex(RegexMatch match) {
    String flags = match.flags().stream().map(flag -> String.valueOf(flag.letter())).collect(Collectors.joining());
    return "regex " + match.field() + " " + quote(match.regex()) + (flags.isEmpty() ? "" : " flags=" + flags);
  }

  @Override
  public String visitCidr(CidrMatch match) {
    return "cidr " + match.field() + " " + match.network();
  }

  @Override
  public String visitNumeric(NumericCompare compare) {
    return "number " + compare.field() + " " + compare.op().id() + " " + compare.value().toPlainString();
  }

  @Override
  public String visitBool(BoolMatch match) {
    return "bool " + match.field() + " " + match.value();
  }

  @Override
  public String visitExists(FieldExists exists) {
    return "exists " + exists.field();
  }

  @Override
  public String visitNull(IsNull isNull) {
    return "null " + isNull.field();
  }

  @Override
  public String visitFieldRef(FieldRef ref) {
    return "fieldref " + ref.field() + " " + ref.kind().id() + " " + ref.otherField() + (ref.cased() ? " cased" : "");
  }

  @Override
  public String visitTimePart(TimePart part) {
    return "timepart " + part.field() + " " + part.unit().id() + " " + part.op().id() + " " + part.value();
  }

  @Override
  public String visitPlaceholder(Placeholder placeholder) {
    return "placeholder " + placeholder.field() + " " + placeholder.kind().id() + " %" + placeholder.name() + "%"
        + (placeholder.cidr() ? " cidr" : "") + (placeholder.cased() ? " cased" : "");
  }
}
