package dev.detectc.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints IR canonically, one node per line, indented by depth: the format of {@code ir.txt}
 * golden files and of debug output. Patterns are printed as Sigma values (escapes included)
 * inside JSON string literals, and field names are bare unless they need quoting, so the
 * text is unambiguous and reads back into the same IR.
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
    return text == null ? "null" : JSON.valueToTree(text).toString();
  }

  /** A field name as one token: bare when it is a plain name, JSON-quoted otherwise. */
  static String field(String name) {
    return name.matches("[A-Za-z0-9_.@$:\\-]+") ? name : quote(name);
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

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
    return "string " + field(match.field()) + " " + match.kind().id() + " " + quote(match.pattern().toSigma())
        + (match.cased() ? " cased" : "");
  }

  @Override
  public String visitKeyword(KeywordMatch match) {
    return "keyword " + match.kind().id() + " " + quote(match.pattern().toSigma()) + (match.cased() ? " cased" : "");
  }

  @Override
  public String visitRegex(RegexMatch match) {
    String flags = match.flags().stream().map(flag -> String.valueOf(flag.letter())).collect(Collectors.joining());
    return "regex " + field(match.field()) + " " + quote(match.regex()) + (flags.isEmpty() ? "" : " flags=" + flags);
  }

  @Override
  public String visitCidr(CidrMatch match) {
    return "cidr " + field(match.field()) + " " + match.network() + (match.network().ipv6() ? " v6" : "");
  }

  @Override
  public String visitNumeric(NumericCompare compare) {
    return "number " + field(compare.field()) + " " + compare.op().id() + " " + compare.value().toPlainString();
  }

  @Override
  public String visitBool(BoolMatch match) {
    return "bool " + field(match.field()) + " " + match.value();
  }

  @Override
  public String visitExists(FieldExists exists) {
    return "exists " + field(exists.field());
  }

  @Override
  public String visitNull(IsNull isNull) {
    return "null " + field(isNull.field());
  }

  @Override
  public String visitFieldRef(FieldRef ref) {
    return "fieldref " + field(ref.field()) + " " + ref.kind().id() + " " + field(ref.otherField()) + (ref.cased() ? " cased" : "");
  }

  @Override
  public String visitTimePart(TimePart part) {
    return "timepart " + field(part.field()) + " " + part.unit().id() + " " + part.op().id() + " " + part.value();
  }

  @Override
  public String visitPlaceholder(Placeholder placeholder) {
    return "placeholder " + field(placeholder.field()) + " " + placeholder.kind().id() + " " + quote("%" + placeholder.name() + "%")
        + (placeholder.cidr() ? " cidr" : "") + (placeholder.cased() ? " cased" : "");
  }
}
