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
import dev.detectc.ir.Pattern;
import dev.detectc.ir.Placeholder;
import dev.detectc.ir.RegexMatch;
import dev.detectc.ir.StringMatch;
import dev.detectc.ir.TimePart;
import dev.detectc.source.DiagnosticCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A condition as an SPL eval expression for {@code | where}. Every leaf is two-valued: string
 * tests are {@code isnotnull(mvfind(field, regex))} (any value of a multivalue field, false when
 * the field is absent), and CIDR, numeric and field-reference tests check the field first, so a
 * negation never meets a null. Sigma strings become anchored PCRE, {@code (?i)} unless cased.
 */
final class SplEvalExpression implements IrExpr.Visitor<SplText> {

  private final SplTemplates templates;
  private final UnaryOperator<String> fields;

  SplEvalExpression(SplTemplates templates, UnaryOperator<String> fields) {
    this.templates = templates;
    this.fields = fields;
  }

  SplText render(IrExpr expr) {
    return expr.accept(this);
  }

  @Override
  public SplText visitAnd(And and) {
    return templates.join("and", and.terms().stream().map(term -> term.accept(this)).toList(), true);
  }

  @Override
  public SplText visitOr(Or or) {
    // CIDR tests of one field merge into one isnotnull guard with OR-ed cidrmatch calls.
    Map<String, List<String>> networks = new LinkedHashMap<>();
    List<Object> slots = new ArrayList<>();
    for (IrExpr term : or.terms()) {
      if (term instanceof CidrMatch) {
        String field = field(((CidrMatch) term).field());
        if (!networks.containsKey(field)) {
          slots.add(field);
        }
        networks.computeIfAbsent(field, key -> new ArrayList<>()).add(network((CidrMatch) term));
      } else {
        slots.add(term);
      }
    }
    List<SplText> terms = new ArrayList<>();
    for (Object slot : slots) {
      terms.add(slot instanceof IrExpr ? ((IrExpr) slot).accept(this) : cidr((String) slot, networks.get(slot)));
    }
    return templates.join("or", terms, true);
  }

  @Override
  public SplText visitNot(Not not) {
    if (not.operand() instanceof IsNull) {
      return visitExists(new FieldExists(((IsNull) not.operand()).field()));
    }
    return templates.not(not.operand().accept(this), true);
  }

  @Override
  public SplText visitString(StringMatch match) {
    return match(field(match.field()), SplRegex.pattern(match.kind(), match.pattern(), match.cased()));
  }

  @Override
  public SplText visitKeyword(KeywordMatch match) {
    // The raw event text: Splunk's keyword search looks there too.
    return match(SplEscaper.evalField("_raw").orElseThrow(), SplRegex.pattern(match.kind(), match.pattern(), match.cased()));
  }

  @Override
  public SplText visitRegex(RegexMatch match) {
    String[] problem = new String[1];
    String regex = SplRegex.userRegex(match.regex(), match.flags(), problem)
        .orElseThrow(() -> templates.refuse("the regular expression /" + match.regex() + "/ cannot be run by Splunk: " + problem[0]));
    return match(field(match.field()), regex);
  }

  @Override
  public SplText visitCidr(CidrMatch match) {
    String field = field(match.field());
    return SplText.atom(templates.leaf("eval_cidr", "CIDR matching", templates.model("field", field, "network", network(match))));
  }

  @Override
  public SplText visitNumeric(NumericCompare compare) {
    String op = templates.target().spec().operators().get(compare.op().id());
    return SplText.atom(templates.leaf("eval_compare", "numeric comparison", templates.model("field", field(compare.field()),
        "op", op, "number", templates.target().escaper().number(compare.value()))));
  }

  @Override
  public SplText visitBool(BoolMatch match) {
    return match(field(match.field()), SplRegex.pattern(MatchKind.EQUALS, Pattern.literal(String.valueOf(match.value())), false));
  }

  @Override
  public SplText visitExists(FieldExists exists) {
    return SplText.atom(templates.leaf("eval_exists", "'exists' checks", templates.model("field", field(exists.field()))));
  }

  @Override
  public SplText visitNull(IsNull isNull) {
    return SplText.atom(templates.leaf("eval_null", "null checks", templates.model("field", field(isNull.field()))));
  }

  @Override
  public SplText visitFieldRef(FieldRef ref) {
    if (ref.kind() == MatchKind.CONTAINS) {
      throw templates.refuse("'fieldref|contains' has no exact SPL form: eval has no substring-position function, and"
          + " like() or a regex built from the other field's value would read its % _ * as wildcards");
    }
    return SplText.atom(templates.leaf("eval_fieldref_" + ref.kind().id() + (ref.cased() ? "_cased" : ""), "field references",
        templates.model("field", field(ref.field()), "other", field(ref.otherField()))));
  }

  @Override
  public SplText visitTimePart(TimePart part) {
    throw templates.refuse("the time-part modifier '" + part.unit().id() + "' on field " + part.field()
        + " has no exact SPL form: extracting it needs strptime with the field's own timestamp format, which the rule does not give");
  }

  @Override
  public SplText visitPlaceholder(Placeholder placeholder) {
    throw new RefusalException(DiagnosticCode.UNRESOLVED_PLACEHOLDER, "placeholder %" + placeholder.name()
        + "% (field " + placeholder.field() + ") has no value: pass --env with an environment that defines it");
  }

  private SplText match(String field, String regex) {
    return SplText.atom(templates.leaf("eval_match", "regular-expression matching",
        templates.model("field", field, "regex", SplEscaper.evalString(regex))));
  }

  private SplText cidr(String field, List<String> networks) {
    if (networks.size() == 1) {
      return SplText.atom(templates.leaf("eval_cidr", "CIDR matching", templates.model("field", field, "network", networks.get(0))));
    }
    return SplText.atom(templates.leaf("eval_cidr_any", "CIDR matching", templates.model("field", field, "networks", networks)));
  }

  private static String network(CidrMatch match) {
    return SplEscaper.evalString(Networks.text(match.network()));
  }

  /** The mapped field, single-quoted for eval; refused when no quoting can hold its name. */
  private String field(String sigma) {
    String name = fields.apply(sigma);
    return SplEscaper.evalField(name).orElseThrow(() -> templates.refuse("the field name '" + name
        + "' cannot be written in an SPL eval expression (it holds a quote, backslash, backtick, pipe or control character)"));
  }
}
