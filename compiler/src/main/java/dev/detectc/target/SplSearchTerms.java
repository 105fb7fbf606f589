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
import dev.detectc.rule.ComparisonOp;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A condition as SPL search terms, or empty when search terms cannot mean exactly what Sigma
 * means: case-sensitive values, {@code ?} wildcards, literal {@code *}, regexes, CIDR, numeric
 * ranges and field references all need eval ({@link SplEvalExpression}). Search terms are
 * two-valued, and {@code NOT field="x"} also holds when the field is absent, as in Sigma.
 */
final class SplSearchTerms implements IrExpr.Visitor<Optional<SplText>> {

  private final SplTemplates templates;
  private final UnaryOperator<String> fields;

  SplSearchTerms(SplTemplates templates, UnaryOperator<String> fields) {
    this.templates = templates;
    this.fields = fields;
  }

  Optional<SplText> render(IrExpr expr) {
    return expr.accept(this);
  }

  @Override
  public Optional<SplText> visitAnd(And and) {
    List<SplText> terms = new ArrayList<>();
    for (IrExpr term : and.terms()) {
      Optional<SplText> text = term.accept(this);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      terms.add(text.get());
    }
    return Optional.of(templates.join("and", terms, false));
  }

  @Override
  public Optional<SplText> visitOr(Or or) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    Map<String, SplText> firsts = new LinkedHashMap<>();
    List<Object> slots = new ArrayList<>();
    for (IrExpr term : or.terms()) {
      Optional<SplText> text = term.accept(this);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      SplText leaf = text.get();
      if (leaf.mergeable()) {
        if (!lists.containsKey(leaf.field())) {
          slots.add(leaf.field());
          firsts.put(leaf.field(), leaf);
        }
        lists.computeIfAbsent(leaf.field(), key -> new ArrayList<>()).add(leaf.value());
      } else {
        slots.add(leaf);
      }
    }
    List<SplText> terms = new ArrayList<>();
    for (Object slot : slots) {
      if (slot instanceof SplText) {
        terms.add((SplText) slot);
      } else {
        List<String> values = lists.get(slot);
        terms.add(values.size() == 1 ? firsts.get(slot) : equalities((String) slot, values));
      }
    }
    return Optional.of(templates.join("or", terms, false));
  }

  private SplText equalities(String field, List<String> values) {
    return SplText.atom(templates.leaf("search_in", "value lists", templates.model("field", field, "values", values)));
  }

  @Override
  public Optional<SplText> visitNot(Not not) {
    if (not.operand() instanceof IsNull) {
      // not null is exists: field=* rather than NOT (NOT field=*).
      return visitExists(new FieldExists(((IsNull) not.operand()).field()));
    }
    return not.operand().accept(this).map(operand -> templates.not(operand, false));
  }

  @Override
  public Optional<SplText> visitString(StringMatch match) {
    if (match.cased()) {
      return Optional.empty();
    }
    return equality(match.field(), SplEscaper.searchValue(match.kind(), match.pattern()));
  }

  @Override
  public Optional<SplText> visitKeyword(KeywordMatch match) {
    if (match.cased() || match.kind() != MatchKind.CONTAINS) {
      return Optional.empty();
    }
    return SplEscaper.searchValue(match.kind(), match.pattern())
        .map(value -> SplText.atom(templates.leaf("search_keyword", "keyword search", templates.model("value", value))));
  }

  @Override
  public Optional<SplText> visitRegex(RegexMatch match) {
    return Optional.empty();
  }

  @Override
  public Optional<SplText> visitCidr(CidrMatch match) {
    return Optional.empty();
  }

  @Override
  public Optional<SplText> visitNumeric(NumericCompare compare) {
    BigDecimal value = compare.value().stripTrailingZeros();
    Optional<String> field = searchField(compare.field());
    if (compare.op() != ComparisonOp.EQ || value.signum() < 0 || value.scale() > 0 || field.isEmpty()) {
      return Optional.empty();
    }
    // Matches the text "6001" (Splunk compares search values as text), as numeric values are logged;
    // under OR it merges into an IN list as the equal quoted value.
    String number = value.toBigInteger().toString();
    String text = templates.leaf("search_number", "numeric equality", templates.model("field", field.get(), "number", number));
    return Optional.of(new SplText(text, false, field.get(), SplEscaper.evalString(number)));
  }

  @Override
  public Optional<SplText> visitBool(BoolMatch match) {
    return equality(match.field(), SplEscaper.searchValue(MatchKind.EQUALS, Pattern.literal(String.valueOf(match.value()))));
  }

  @Override
  public Optional<SplText> visitExists(FieldExists exists) {
    return searchField(exists.field()).map(field -> SplText.atom(
        templates.leaf("search_exists", "'exists' checks", templates.model("field", field))));
  }

  @Override
  public Optional<SplText> visitNull(IsNull isNull) {
    return visitExists(new FieldExists(isNull.field())).map(exists -> templates.not(exists, false));
  }

  @Override
  public Optional<SplText> visitFieldRef(FieldRef ref) {
    return Optional.empty();
  }

  @Override
  public Optional<SplText> visitTimePart(TimePart part) {
    return Optional.empty();
  }

  @Override
  public Optional<SplText> visitPlaceholder(Placeholder placeholder) {
    return Optional.empty();
  }

  private Optional<SplText> equality(String sigmaField, Optional<String> value) {
    Optional<String> field = searchField(sigmaField);
    if (field.isEmpty() || value.isEmpty()) {
      return Optional.empty();
    }
    String text = templates.leaf("search_equals", "search terms", templates.model("field", field.get(), "value", value.get()));
    return Optional.of(new SplText(text, false, field.get(), value.get()));
  }

  /** The mapped field as a bare search-term name, or empty when it needs eval's quoting. */
  private Optional<String> searchField(String sigma) {
    return SplEscaper.searchField(fields.apply(sigma));
  }
}
