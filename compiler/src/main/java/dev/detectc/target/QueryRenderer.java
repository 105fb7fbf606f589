package dev.detectc.target;

import dev.detectc.ir.And;
import dev.detectc.ir.BoolMatch;
import dev.detectc.ir.CidrMatch;
import dev.detectc.ir.FieldExists;
import dev.detectc.ir.FieldRef;
import dev.detectc.ir.IrExpr;
import dev.detectc.ir.IsNull;
import dev.detectc.ir.KeywordMatch;
import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Not;
import dev.detectc.ir.NumericCompare;
import dev.detectc.ir.Or;
import dev.detectc.ir.Placeholder;
import dev.detectc.ir.RegexMatch;
import dev.detectc.ir.StringMatch;
import dev.detectc.ir.TimePart;
import dev.detectc.rule.ComparisonOp;
import dev.detectc.source.DiagnosticCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an IR condition as one target's predicate, for every target: the target spec gives
 * the tokens and one template per construct, the {@link Escaper} writes every value, and this
 * class decides grouping from precedence, merges equalities into list operators, splits long
 * chains into balanced groups (so no query nests deeper than a parser accepts), adds casts the
 * column types need, and guards negations of expressions that can be null.
 */
public final class QueryRenderer implements IrExpr.Visitor<Fragment> {

  private final TargetSpec spec;
  private final Escaper escaper;
  private final TemplateEngine templates;
  private final FieldResolver fields;
  private final Profile profile;
  private final RegexText regex;

  QueryRenderer(Target target, Profile profile, FieldResolver fields) {
    this.spec = target.spec();
    this.escaper = target.escaper();
    this.templates = target.templates();
    this.profile = profile;
    this.fields = fields;
    this.regex = new RegexText(spec);
  }

  /** The predicate text; refuses (with a {@link RefusalException}) what the target cannot express. */
  String render(IrExpr expr) {
    return expr.accept(this).text();
  }

  @Override
  public Fragment visitAnd(And and) {
    List<Fragment> terms = new ArrayList<>();
    and.terms().forEach(term -> terms.add(term.accept(this)));
    return chain("and", terms);
  }

  @Override
  public Fragment visitOr(Or or) {
    Map<String, Equality> lists = new LinkedHashMap<>();
    List<Object> slots = new ArrayList<>();
    for (IrExpr term : or.terms()) {
      Equality equality = Equality.of(term, fields, profile);
      if (equality == null) {
        slots.add(term);
      } else if (lists.containsKey(equality.key())) {
        lists.put(equality.key(), lists.get(equality.key()).merge(equality));
      } else {
        lists.put(equality.key(), equality);
        slots.add(equality.key());
      }
    }
    List<Fragment> terms = new ArrayList<>();
    for (Object slot : slots) {
      terms.add(slot instanceof String ? equality(lists.get(slot)) : ((IrExpr) slot).accept(this));
    }
    return terms.size() == 1 ? terms.get(0) : chain("or", terms);
  }

  @Override
  public Fragment visitNot(Not not) {
    Fragment operand = not.operand().accept(this);
    boolean guard = operand.nullable() && spec.booleans().containsKey("not_nullable");
    String text = spec.notEnclosesOperand() ? operand.text() : operandText(operand, spec.level("not"));
    String rendered = templates.renderInline(guard ? "not_nullable" : "not", spec.booleans().get(guard ? "not_nullable" : "not"),
        Map.of("operand", templates.markup(text)));
    return new Fragment(rendered, spec.notEnclosesOperand() ? Fragment.ATOM : spec.level("not"), operand.nullable() && !guard);
  }

  @Override
  public Fragment visitString(StringMatch match) {
    ResolvedField field = fields.resolve(match.field());
    if (match.pattern().isPlain()) {
      String text = match.pattern().plainText();
      if (match.kind() == MatchKind.CONTAINS && text.isEmpty()) {
        return presence("exists", field);
      }
      if (match.kind() == MatchKind.EQUALS) {
        return equality(Equality.of(match, fields, profile));
      }
      Map<String, Object> model = model("field", cast(field, "string"),
          "value", value(match.pattern(), match.kind(), match.cased()));
      escaper.wildcard(match.pattern(), match.kind()).ifPresent(wildcard -> model.put("wildcard", templates.markup(wildcard)));
      return leaf(match.kind().id() + cased(match.cased()), "'" + match.kind().id() + "' matching", model);
    }
    Map<String, Object> model = model("field", cast(field, "string"),
        "regex", escaper.regex(regex.wildcard(match.pattern(), match.kind(), match.cased())));
    escaper.wildcard(match.pattern(), match.kind()).ifPresent(wildcard -> model.put("wildcard", templates.markup(wildcard)));
    caseless(match.pattern(), match.kind(), match.cased()).ifPresent(value -> model.put("value", templates.markup(value)));
    return leaf("wildcard" + cased(match.cased()), "a wildcard inside a value", model);
  }

  /** The value operand: the escaper's case-insensitive form where it has one and case is ignored, else a literal. */
  private String value(dev.detectc.ir.Pattern pattern, MatchKind kind, boolean cased) {
    return caseless(pattern, kind, cased).orElseGet(() -> escaper.string(pattern.plainText()));
  }

  private java.util.Optional<String> caseless(dev.detectc.ir.Pattern pattern, MatchKind kind, boolean cased) {
    return cased ? java.util.Optional.empty() : escaper.caseless(pattern, kind);
  }

  @Override
  public Fragment visitKeyword(KeywordMatch match) {
    if (match.pattern().isPlain()) {
      Map<String, Object> model = model("value", value(match.pattern(), match.kind(), match.cased()));
      escaper.wildcard(match.pattern(), match.kind()).ifPresent(wildcard -> model.put("wildcard", templates.markup(wildcard)));
      return leaf("keyword_" + match.kind().id() + cased(match.cased()), "keyword search", model);
    }
    Map<String, Object> model = model("regex", escaper.regex(regex.wildcard(match.pattern(), match.kind(), match.cased())));
    escaper.wildcard(match.pattern(), match.kind()).ifPresent(wildcard -> model.put("wildcard", templates.markup(wildcard)));
    caseless(match.pattern(), match.kind(), match.cased()).ifPresent(value -> model.put("value", templates.markup(value)));
    return leaf("keyword_wildcard" + cased(match.cased()), "keyword search with wildcards", model);
  }

  @Override
  public Fragment visitRegex(RegexMatch match) {
    ResolvedField field = fields.resolve(match.field());
    return leaf("regex", "regular expressions", model("field", cast(field, "string"), "regex", escaper.regex(regex.regex(match))));
  }

  @Override
  public Fragment visitCidr(CidrMatch match) {
    ResolvedField field = fields.resolve(match.field());
    return leaf(match.network().ipv6() ? "cidr_v6" : "cidr_v4", (match.network().ipv6() ? "IPv6" : "IPv4") + " CIDR matching",
        model("field", cast(field, "string"), "network", escaper.string(match.network().toString()),
            "prefix", String.valueOf(match.network().prefixLength())));
  }

  @Override
  public Fragment visitNumeric(NumericCompare compare) {
    if (compare.op() == ComparisonOp.EQ) {
      return equality(Equality.of(compare, fields, profile));
    }
    ResolvedField field = fields.resolve(compare.field()).numeric();
    return leaf("compare", "numeric comparison", model("field", cast(field, "number"), "op", operator(compare.op()),
        "number", escaper.number(compare.value())));
  }

  @Override
  public Fragment visitBool(BoolMatch match) {
    ResolvedField field = fields.resolve(match.field());
    if (field.type() == FieldType.BOOL) {
      return leaf("bool", "boolean matching", model("field", field.text(), "bool", escaper.bool(match.value())));
    }
    String text = field.type() == FieldType.STRING ? field.text() : castText(field.text(), "string");
    return leaf("equals", "equality", model("field", text, "value", escaper.string(String.valueOf(match.value()))));
  }

  @Override
  public Fragment visitExists(FieldExists exists) {
    return presence("exists", fields.resolve(exists.field()));
  }

  @Override
  public Fragment visitNull(IsNull isNull) {
    return presence("null", fields.resolve(isNull.field()));
  }

  @Override
  public Fragment visitFieldRef(FieldRef ref) {
    ResolvedField field = fields.resolve(ref.field());
    ResolvedField other = fields.resolve(ref.otherField());
    return leaf("fieldref_" + ref.kind().id() + cased(ref.cased()), "field references",
        model("field", cast(field, "string"), "other", cast(other, "string")));
  }

  @Override
  public Fragment visitTimePart(TimePart part) {
    ResolvedField field = fields.resolve(part.field());
    String unit = spec.timeUnits().get(part.unit().id());
    if (unit == null) {
      throw refuse("the time part '" + part.unit().id() + "'");
    }
    String text = field.type() == FieldType.DATETIME ? field.text() : castText(field.text(), "datetime");
    return leaf(part.op() == ComparisonOp.EQ ? "timepart_eq" : "timepart", "time-part modifiers",
        model("field", text, "unit", unit, "op", operator(part.op()), "number", escaper.number(BigDecimal.valueOf(part.value()))));
  }

  @Override
  public Fragment visitPlaceholder(Placeholder placeholder) {
    throw new RefusalException(DiagnosticCode.UNRESOLVED_PLACEHOLDER, "placeholder %" + placeholder.name()
        + "% (field " + placeholder.field() + ") has no value: pass --env with an environment that defines it");
  }

  private Fragment equality(Equality equality) {
    List<String> values = equality.values().stream()
        .map(value -> equality.numeric() ? escaper.number(new BigDecimal(value))
            : value(dev.detectc.ir.Pattern.literal(value), MatchKind.EQUALS, equality.cased())).toList();
    String field = cast(equality.field(), equality.numeric() ? "number" : "string");
    String single = equality.numeric() ? "compare_eq" : "equals" + cased(equality.cased());
    String list = (equality.numeric() ? "in_list_number" : "in_list") + (equality.numeric() ? "" : cased(equality.cased()));
    if (values.size() > 1 && spec.supports(list)) {
      Map<String, Object> model = model("field", field);
      model.put("values", templates.markup(values));
      return leaf(list, "value lists", model);
    }
    List<Fragment> terms = new ArrayList<>();
    for (String value : values) {
      terms.add(leaf(single, equality.numeric() ? "numeric equality" : "equality", model("field", field,
          equality.numeric() ? "number" : "value", value)));
    }
    return terms.size() == 1 ? terms.get(0) : chain("or", terms);
  }

  private Fragment presence(String construct, ResolvedField field) {
    boolean text = field.type() == FieldType.STRING || field.type() == FieldType.UNKNOWN;
    String name = text && spec.supports(construct + "_string") ? construct + "_string" : construct;
    return leaf(name, "'" + construct + "' checks", model("field", field.text()));
  }

  /** Joins terms with {@code and}/{@code or}; past max_chain terms, balanced groups bound the depth. */
  private Fragment chain(String operator, List<Fragment> terms) {
    if (terms.size() > spec.maxChain()) {
      List<Fragment> groups = new ArrayList<>();
      int size = (int) Math.ceil(terms.size() / Math.ceil(terms.size() / (double) spec.maxChain()));
      for (int from = 0; from < terms.size(); from += size) {
        Fragment chunk = chain(operator, terms.subList(from, Math.min(terms.size(), from + size)));
        groups.add(new Fragment(group(chunk.text()), Fragment.ATOM, chunk.nullable()));
      }
      return chain(operator, groups);
    }
    int level = spec.level(operator);
    List<String> texts = terms.stream().map(term -> operandText(term, level)).toList();
    String text = templates.renderInline(operator, spec.booleans().get(operator), Map.of("terms", templates.markup(texts)));
    return new Fragment(text, level, terms.stream().anyMatch(Fragment::nullable));
  }

  private String operandText(Fragment operand, int parentLevel) {
    return operand.level() > parentLevel ? group(operand.text()) : operand.text();
  }

  private String group(String text) {
    return templates.renderInline("group", spec.booleans().get("group"), Map.of("expr", templates.markup(text)));
  }

  private Fragment leaf(String construct, String what, Map<String, Object> model) {
    if (!spec.supports(construct)) {
      throw refuse(what + (construct.endsWith("_cased") ? " (case-sensitive)" : ""));
    }
    String text = templates.renderInline(construct, spec.expressions().get(construct), model);
    return new Fragment(text, Fragment.ATOM, spec.nullable().contains(construct));
  }

  private RefusalException refuse(String what) {
    return new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, spec.name() + ": " + what + " is not supported by this target");
  }

  /** The field's text, converted when its column type does not suit the operator family. */
  private String cast(ResolvedField field, String wanted) {
    boolean needed = "string".equals(wanted) ? !field.type().isTextual() : field.type() == FieldType.STRING;
    return needed ? castText(field.text(), wanted) : field.text();
  }

  private String castText(String field, String wanted) {
    String template = spec.casts().get(wanted);
    if (template == null) {
      throw refuse("comparing a " + wanted + " with a column of another type");
    }
    return templates.renderInline("cast_" + wanted, template, Map.of("field", templates.markup(field)));
  }

  private String operator(ComparisonOp op) {
    String token = spec.operators().get(op.id());
    if (token == null) {
      throw refuse("the comparison '" + op.id() + "'");
    }
    return token;
  }

  private static String cased(boolean cased) {
    return cased ? "_cased" : "";
  }

  /** A template model of already-escaped query text. */
  private Map<String, Object> model(String... keysAndTexts) {
    Map<String, Object> model = new HashMap<>();
    for (int i = 0; i < keysAndTexts.length; i += 2) {
      model.put(keysAndTexts[i], templates.markup(keysAndTexts[i + 1]));
    }
    return model;
  }
}
