package dev.detectc.target;

import dev.detectc.ir.IrExpr;
import dev.detectc.ir.MatchKind;
import dev.detectc.ir.NumericCompare;
import dev.detectc.ir.StringMatch;
import dev.detectc.rule.ComparisonOp;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A field compared for equality with one or more values: the shape that list operators
 * ({@code in~ (...)}) express. Built from plain string equalities and numeric {@code ==}, after
 * the profile's value sets have added the other spellings of a value (AXFR also as 252), so an
 * OR of many values on one field renders as one list instead of a deep chain.
 */
record Equality(ResolvedField field, boolean cased, boolean numeric, List<String> values) {

  Equality {
    values = List.copyOf(values);
  }

  /** The key under which equalities of one OR merge: same field, case rule and kind. */
  String key() {
    return field.text() + '\u0000' + cased + '\u0000' + numeric;
  }

  /** The equality {@code expr} expresses, or null when it is not a plain equality. */
  static Equality of(IrExpr expr, FieldResolver fields, Profile profile) {
    if (expr instanceof StringMatch) {
      StringMatch match = (StringMatch) expr;
      if (match.kind() != MatchKind.EQUALS || !match.pattern().isPlain()) {
        return null;
      }
      ResolvedField field = fields.resolve(match.field());
      return spelled(field, match.pattern().plainText(), match.cased(), profile);
    }
    if (expr instanceof NumericCompare) {
      NumericCompare compare = (NumericCompare) expr;
      if (compare.op() != ComparisonOp.EQ) {
        return null;
      }
      ResolvedField field = fields.resolve(compare.field());
      if (field.valueSet() != null) {
        return spelled(field, compare.value().toPlainString(), false, profile);
      }
      return new Equality(field.numeric(), false, true, List.of(compare.value().toPlainString()));
    }
    return null;
  }

  private static Equality spelled(ResolvedField field, String value, boolean cased, Profile profile) {
    List<String> spellings = field.valueSet() == null ? List.of() : profile.spellings(field.valueSet(), value, cased);
    if (spellings.isEmpty()) {
      spellings = List.of(value);
    }
    if (field.type() == FieldType.NUMBER) {
      List<String> numbers = spellings.stream().filter(Equality::isNumber).toList();
      if (!numbers.isEmpty()) {
        return new Equality(field, false, true, numbers);
      }
    }
    return new Equality(field, cased, false, spellings);
  }

  /** This equality with {@code other}'s values added, without duplicates. */
  Equality merge(Equality other) {
    List<String> merged = new ArrayList<>(values);
    for (String value : other.values) {
      if (merged.stream().noneMatch(existing -> same(existing, value))) {
        merged.add(value);
      }
    }
    return new Equality(field, cased, numeric, merged);
  }

  private boolean same(String a, String b) {
    if (numeric) {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    }
    return cased ? a.equals(b) : a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }

  private static boolean isNumber(String text) {
    return text.matches("-?[0-9]+(\\.[0-9]+)?");
  }
}
