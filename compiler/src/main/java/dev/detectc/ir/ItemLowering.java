package dev.detectc.ir;

import dev.detectc.rule.ComparisonOp;
import dev.detectc.rule.DetectionItem;
import dev.detectc.rule.Environment;
import dev.detectc.rule.Modifier;
import dev.detectc.rule.ModifierUse;
import dev.detectc.rule.SigmaValue;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Diagnostics;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Lowers one detection item ({@code field|modifiers: values}) to IR, applying the modifiers
 * left to right as the specification orders them. Values are OR-ed, or AND-ed under
 * {@code |all}; {@code |neq} negates the whole item.
 */
final class ItemLowering {

  /** More alternatives than this from one value (windash on many dashes) are refused. */
  static final int MAX_EXPANSIONS = 4096;

  private final Environment environment;
  private final Diagnostics diagnostics;

  ItemLowering(Environment environment, Diagnostics diagnostics) {
    this.environment = environment;
    this.diagnostics = diagnostics;
  }

  /** The item's IR, or empty when it has errors (already reported). */
  Optional<IrExpr> lower(DetectionItem item) {
    if (!ModifierRules.check(item, diagnostics)) {
      return Optional.empty();
    }
    int before = diagnostics.size();
    List<IrExpr> perValue = new ArrayList<>();
    for (SigmaValue value : item.values()) {
      IrExpr lowered = value(item, value);
      if (lowered != null) {
        perValue.add(lowered);
      }
    }
    if (diagnostics.hasErrorsSince(before) || perValue.isEmpty()) {
      return Optional.empty();
    }
    IrExpr combined = item.has(Modifier.ALL) ? IrExpr.and(perValue) : IrExpr.or(perValue);
    return Optional.of(item.has(Modifier.NEQ) ? IrExpr.not(combined) : combined);
  }

  private IrExpr value(DetectionItem item, SigmaValue value) {
    String field = item.field();
    if (item.has(Modifier.EXISTS)) {
      if (value.type() != SigmaValue.Type.BOOLEAN) {
        return typeError(value, "'exists' takes true or false");
      }
      FieldExists exists = new FieldExists(field);
      return Boolean.parseBoolean(value.text()) ? exists : IrExpr.not(exists);
    }
    if (value.isNull()) {
      boolean onlyNeq = item.modifiers().stream().allMatch(use -> use.modifier() == Modifier.NEQ);
      return onlyNeq ? new IsNull(field) : typeError(value, "null cannot be modified; it only matches an absent or null field");
    }
    if (item.has(Modifier.FIELDREF)) {
      if (Pattern.parse(value.text()).hasWildcards()) {
        diagnostics.error(DiagnosticCode.WILDCARD_NOT_ALLOWED, value.position(), "a field reference cannot hold wildcards");
        return null;
      }
      return new FieldRef(field, positionKind(item), value.text(), item.has(Modifier.CASED));
    }
    if (item.has(Modifier.RE)) {
      return regex(item, value);
    }
    if (item.has(Modifier.EXPAND)) {
      return expand(item, value);
    }
    if (item.has(Modifier.CIDR)) {
      return cidr(field, value.text(), value);
    }
    ComparisonOp compare = compareOp(item);
    TimeUnit unit = timeUnit(item);
    if (unit != null) {
      if (value.type() != SigmaValue.Type.INTEGER) {
        return typeError(value, "time-part modifiers compare with a whole number");
      }
      return new TimePart(field, unit, compare == null ? ComparisonOp.EQ : compare, Long.parseLong(value.text()));
    }
    if (compare != null) {
      if (!value.isNumber()) {
        return typeError(value, "'" + compare.id() + "' compares with a number, not " + value);
      }
      return new NumericCompare(field, compare, new BigDecimal(value.text()));
    }
    boolean stringModifiers = item.modifiers().stream()
        .anyMatch(use -> use.modifier() != Modifier.ALL && use.modifier() != Modifier.NEQ);
    if (value.type() == SigmaValue.Type.BOOLEAN) {
      if (stringModifiers) {
        return typeError(value, "string modifiers cannot apply to the boolean " + value.text());
      }
      return field == null ? strings(item, value.text(), value) : new BoolMatch(field, Boolean.parseBoolean(value.text()));
    }
    if (value.isNumber() && !stringModifiers && field != null) {
      return new NumericCompare(field, ComparisonOp.EQ, new BigDecimal(value.text()));
    }
    return strings(item, value.text(), value);
  }

  private IrExpr regex(DetectionItem item, SigmaValue value) {
    Set<RegexFlag> flags = EnumSet.noneOf(RegexFlag.class);
    int javaFlags = 0;
    if (item.has(Modifier.IGNORECASE)) {
      flags.add(RegexFlag.IGNORECASE);
      javaFlags |= java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE;
    }
    if (item.has(Modifier.MULTILINE)) {
      flags.add(RegexFlag.MULTILINE);
      javaFlags |= java.util.regex.Pattern.MULTILINE;
    }
    if (item.has(Modifier.DOTALL)) {
      flags.add(RegexFlag.DOTALL);
      javaFlags |= java.util.regex.Pattern.DOTALL;
    }
    try {
      // Compiled only to check the syntax; matching happens in the evaluator with a linear-time engine.
      java.util.regex.Pattern.compile(value.text(), javaFlags);
    } catch (PatternSyntaxException e) {
      diagnostics.error(DiagnosticCode.INVALID_REGEX, value.position(),
          "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
      return null;
    }
    return new RegexMatch(item.field(), value.text(), flags);
  }

  private IrExpr expand(DetectionItem item, SigmaValue value) {
    String text = value.text();
    if (!text.matches("%[A-Za-z0-9_.\\-]+%")) {
      diagnostics.error(DiagnosticCode.INVALID_PLACEHOLDER, value.position(),
          "'expand' needs a value of the form %name%, not '" + text + "'");
      return null;
    }
    String name = text.substring(1, text.length() - 1);
    if (!environment.bound()) {
      return new Placeholder(item.field(), name, positionKind(item), item.has(Modifier.CIDR), item.has(Modifier.CASED));
    }
    Optional<List<String>> values = environment.lookup(name);
    if (values.isEmpty()) {
      diagnostics.error(DiagnosticCode.UNRESOLVED_PLACEHOLDER, value.position(),
          "placeholder %" + name + "% has no value in the environment"
              + (environment.file() == null ? "" : " " + environment.file()));
      return null;
    }
    List<IrExpr> alternatives = new ArrayList<>();
    for (String resolved : values.get()) {
      IrExpr lowered = item.has(Modifier.CIDR) ? cidr(item.field(), resolved, value) : strings(item, resolved, value);
      if (lowered != null) {
        alternatives.add(lowered);
      }
    }
    if (alternatives.isEmpty()) {
      diagnostics.error(DiagnosticCode.UNRESOLVED_PLACEHOLDER, value.position(),
          "placeholder %" + name + "% has an empty value list, so the item could never match");
      return null;
    }
    return IrExpr.or(alternatives);
  }

  private IrExpr cidr(String field, String text, SigmaValue value) {
    String[] problem = new String[1];
    Optional<Cidr> network = Cidr.parse(text, problem);
    if (network.isEmpty()) {
      diagnostics.error(DiagnosticCode.INVALID_CIDR, value.position(), problem[0]);
      return null;
    }
    return new CidrMatch(field, network.get());
  }

  /** The string path: windash, wildcards, encodings, then the position modifiers. */
  private IrExpr strings(DetectionItem item, String text, SigmaValue value) {
    if (item.has(Modifier.WINDASH)) {
      double count = Math.pow(Encodings.DASHES.size(), Encodings.dashPositions(text).size());
      if (count > MAX_EXPANSIONS) {
        diagnostics.error(DiagnosticCode.EXPANSION_LIMIT, value.position(), String.format(java.util.Locale.ROOT,
            "'windash' would expand this value into %.0f alternatives; the limit is %d", count, MAX_EXPANSIONS));
        return null;
      }
    }
    List<String> variants = item.has(Modifier.WINDASH) ? windash(text) : List.of(text);
    List<IrExpr> alternatives = new ArrayList<>();
    for (String variant : variants) {
      for (Pattern pattern : encode(item, Pattern.parse(variant), value)) {
        alternatives.add(match(item, position(item, pattern)));
      }
    }
    return alternatives.isEmpty() ? null : IrExpr.or(alternatives);
  }

  private List<Pattern> encode(DetectionItem item, Pattern pattern, SigmaValue value) {
    boolean encoded = false;
    Pattern current = pattern;
    List<Pattern> results = List.of(current);
    for (ModifierUse use : item.modifiers()) {
      Modifier modifier = use.modifier();
      if (ModifierRules.isUtf16(modifier)) {
        if (!current.parts().stream().allMatch(part -> part.text().chars().allMatch(c -> c < 0x80))) {
          diagnostics.error(DiagnosticCode.NON_ASCII_WIDE, value.position(),
              "'" + modifier.spelling() + "' is defined for ASCII values only");
          return List.of();
        }
        current = current.mapLiterals(modifier == Modifier.UTF16BE ? Encodings::utf16be
            : modifier == Modifier.UTF16 ? Encodings::utf16 : Encodings::utf16le);
        encoded = true;
        results = List.of(current);
      } else if (modifier == Modifier.BASE64 || modifier == Modifier.BASE64OFFSET) {
        if (current.hasWildcards()) {
          diagnostics.error(DiagnosticCode.WILDCARD_NOT_ALLOWED, value.position(),
              "'" + modifier.spelling() + "' cannot encode wildcards; escape them as \\* or \\? if they are literal");
          return List.of();
        }
        byte[] bytes = Encodings.bytes(current.plainText(), encoded);
        if (modifier == Modifier.BASE64) {
          current = Pattern.literal(Encodings.base64(bytes));
          results = List.of(current);
        } else {
          results = Encodings.base64Offsets(bytes).stream().map(Pattern::literal).toList();
        }
      }
    }
    return results;
  }

  private static Pattern position(DetectionItem item, Pattern pattern) {
    Pattern result = pattern;
    if (item.isKeyword() || item.has(Modifier.CONTAINS) || item.has(Modifier.ENDSWITH)) {
      result = result.startsWithAny() ? result : result.prepend(PatternPart.ANY);
    }
    if (item.isKeyword() || item.has(Modifier.CONTAINS) || item.has(Modifier.STARTSWITH)) {
      result = result.endsWithAny() ? result : result.append(PatternPart.ANY);
    }
    return result;
  }

  private static IrExpr match(DetectionItem item, Pattern full) {
    // Base64 text is case-sensitive by nature: "Zm9v" and "ZM9V" decode to different bytes.
    boolean cased = item.has(Modifier.CASED) || item.has(Modifier.BASE64) || item.has(Modifier.BASE64OFFSET);
    StringMatch normal = StringMatch.of(item.isKeyword() ? "_" : item.field(), full, cased);
    return item.isKeyword()
        ? new KeywordMatch(normal.kind(), normal.pattern(), normal.cased())
        : normal;
  }

  static List<String> windash(String text) {
    List<Integer> positions = Encodings.dashPositions(text);
    List<String> variants = List.of(text);
    for (int position : positions) {
      List<String> next = new ArrayList<>();
      for (String variant : variants) {
        for (String dash : Encodings.DASHES) {
          next.add(variant.substring(0, position) + dash + variant.substring(position + 1));
        }
      }
      variants = next;
    }
    return variants;
  }

  private static MatchKind positionKind(DetectionItem item) {
    return MatchKind.of(item.has(Modifier.CONTAINS) || item.has(Modifier.ENDSWITH),
        item.has(Modifier.CONTAINS) || item.has(Modifier.STARTSWITH));
  }

  private static ComparisonOp compareOp(DetectionItem item) {
    for (ModifierUse use : item.modifiers()) {
      switch (use.modifier()) {
        case LT: return ComparisonOp.LT;
        case LTE: return ComparisonOp.LTE;
        case GT: return ComparisonOp.GT;
        case GTE: return ComparisonOp.GTE;
        default: break;
      }
    }
    return null;
  }

  private static TimeUnit timeUnit(DetectionItem item) {
    for (ModifierUse use : item.modifiers()) {
      if (ModifierRules.isTime(use.modifier())) {
        return TimeUnit.valueOf(use.modifier().name());
      }
    }
    return null;
  }

  private IrExpr typeError(SigmaValue value, String message) {
    diagnostics.error(DiagnosticCode.MODIFIER_VALUE_TYPE, value.position(), message);
    return null;
  }
}
