package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.EventTime;
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
import dev.detectc.ir.PatternPart;
import dev.detectc.ir.Placeholder;
import dev.detectc.ir.RegexFlag;
import dev.detectc.ir.RegexMatch;
import dev.detectc.ir.StringMatch;
import dev.detectc.ir.TimePart;
import java.math.BigDecimal;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evaluator's meaning written the slow, obvious way: walks the IR per event, matches
 * wildcards by backtracking over code points, regexes with java.util.regex, addresses with
 * InetAddress. Test code only; the differential test holds the compiled matchers to it.
 */
final class NaiveEvaluator implements IrExpr.Visitor<Boolean> {

  private static final java.util.regex.Pattern V4 = java.util.regex.Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final java.util.regex.Pattern V6 = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
  private static final java.util.regex.Pattern NUMBER =
      java.util.regex.Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]{1,6})?");

  private final JsonNode event;

  private NaiveEvaluator(JsonNode event) {
    this.event = event;
  }

  static boolean matches(IrExpr expression, JsonNode event) {
    return expression.accept(new NaiveEvaluator(event));
  }

  /** Every value the field path reaches: literal keys first, then every split of the dots; arrays spread. */
  static List<JsonNode> lookup(JsonNode node, String path) {
    List<JsonNode> found = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(element -> found.addAll(lookup(element, path)));
      return found;
    }
    if (!node.isObject()) {
      return found;
    }
    if (node.has(path)) {
      found.add(node.get(path));
      return found;
    }
    for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
      JsonNode child = node.get(path.substring(0, dot));
      if (child != null && (child.isObject() || child.isArray())) {
        List<JsonNode> inner = lookup(child, path.substring(dot + 1));
        if (!inner.isEmpty()) {
          return inner;
        }
      }
    }
    return found;
  }

  /** The scalar values of a field: array elements spread out. */
  private List<JsonNode> values(String field) {
    List<JsonNode> values = new ArrayList<>();
    for (JsonNode value : lookup(event, field)) {
      if (value.isArray()) {
        value.forEach(values::add);
      } else {
        values.add(value);
      }
    }
    return values;
  }

  private static String text(JsonNode value) {
    return value.isTextual() ? value.textValue() : value.isNumber() || value.isBoolean() ? value.asText() : null;
  }

  static boolean glob(MatchKind kind, Pattern pattern, boolean cased, String value) {
    List<PatternPart> parts = new ArrayList<>(pattern.parts());
    if (!kind.anchoredStart()) {
      parts.add(0, PatternPart.ANY);
    }
    if (!kind.anchoredEnd()) {
      parts.add(PatternPart.ANY);
    }
    int[] subject = (cased ? value : value.toLowerCase(Locale.ROOT)).codePoints().toArray();
    return glob(parts, 0, subject, 0, cased);
  }

  private static boolean glob(List<PatternPart> parts, int p, int[] subject, int s, boolean cased) {
    if (p == parts.size()) {
      return s == subject.length;
    }
    PatternPart part = parts.get(p);
    switch (part.kind()) {
      case ANY_CHARS:
        for (int skip = s; skip <= subject.length; skip++) {
          if (glob(parts, p + 1, subject, skip, cased)) {
            return true;
          }
        }
        return false;
      case ONE_CHAR:
        return s < subject.length && glob(parts, p + 1, subject, s + 1, cased);
      default:
        int[] literal = (cased ? part.text() : part.text().toLowerCase(Locale.ROOT)).codePoints().toArray();
        if (s + literal.length > subject.length) {
          return false;
        }
        for (int i = 0; i < literal.length; i++) {
          if (subject[s + i] != literal[i]) {
            return false;
          }
        }
        return glob(parts, p + 1, subject, s + literal.length, cased);
    }
  }

  private static byte[] address(String text) {
    try {
      java.util.regex.Matcher v4 = V4.matcher(text);
      if (v4.matches()) {
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(v4.group(i + 1));
          if (octet > 255) {
            return null;
          }
          bytes[i] = (byte) octet;
        }
        return bytes;
      }
      if (!V6.matcher(text).matches()) {
        return null;
      }
      InetAddress parsed = InetAddress.getByName(text);
      byte[] raw = parsed.getAddress();
      if (parsed instanceof Inet4Address) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(raw, 0, mapped, 12, 4);
        return mapped;
      }
      return raw;
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  private static BigDecimal number(JsonNode value) {
    if (value.isNumber()) {
      return new BigDecimal(value.asText());
    }
    return value.isTextual() && NUMBER.matcher(value.textValue()).matches() ? new BigDecimal(value.textValue()) : null;
  }

  @Override
  public Boolean visitAnd(And and) {
    return and.terms().stream().allMatch(term -> term.accept(this));
  }

  @Override
  public Boolean visitOr(Or or) {
    return or.terms().stream().anyMatch(term -> term.accept(this));
  }

  @Override
  public Boolean visitNot(Not not) {
    return !not.operand().accept(this);
  }

  @Override
  public Boolean visitString(StringMatch match) {
    return values(match.field()).stream().map(NaiveEvaluator::text)
        .anyMatch(text -> text != null && glob(match.kind(), match.pattern(), match.cased(), text));
  }

  @Override
  public Boolean visitKeyword(KeywordMatch match) {
    List<String> texts = new ArrayList<>();
    collect(event, texts);
    return texts.stream().anyMatch(text -> glob(match.kind(), match.pattern(), match.cased(), text));
  }

  private static void collect(JsonNode node, List<String> texts) {
    if (node.isContainerNode()) {
      node.forEach(child -> collect(child, texts));
    } else if (node.isTextual() || node.isNumber()) {
      texts.add(text(node));
    }
  }

  @Override
  public Boolean visitRegex(RegexMatch match) {
    int flags = (match.has(RegexFlag.IGNORECASE) ? java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE : 0)
        | (match.has(RegexFlag.MULTILINE) ? java.util.regex.Pattern.MULTILINE : 0)
        | (match.has(RegexFlag.DOTALL) ? java.util.regex.Pattern.DOTALL : 0);
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(match.regex(), flags);
    return values(match.field()).stream().map(NaiveEvaluator::text)
        .anyMatch(text -> text != null && pattern.matcher(text).find());
  }

  @Override
  public Boolean visitCidr(CidrMatch match) {
    return values(match.field()).stream().map(NaiveEvaluator::text).anyMatch(text -> {
      byte[] candidate = text == null ? null : address(text);
      return candidate != null && match.network().contains(candidate);
    });
  }

  @Override
  public Boolean visitNumeric(NumericCompare compare) {
    return values(compare.field()).stream().map(NaiveEvaluator::number)
        .anyMatch(number -> number != null && compare.op().test(number, compare.value()));
  }

  @Override
  public Boolean visitBool(BoolMatch match) {
    return values(match.field()).stream().anyMatch(value -> value.isBoolean() ? value.booleanValue() == match.value()
        : value.isTextual() && value.textValue().toLowerCase(Locale.ROOT).equals(String.valueOf(match.value())));
  }

  @Override
  public Boolean visitExists(FieldExists exists) {
    return !lookup(event, exists.field()).isEmpty();
  }

  @Override
  public Boolean visitNull(IsNull isNull) {
    List<JsonNode> found = lookup(event, isNull.field());
    return found.isEmpty() || found.get(0).isNull();
  }

  @Override
  public Boolean visitFieldRef(FieldRef ref) {
    List<JsonNode> others = values(ref.otherField());
    return values(ref.field()).stream().map(NaiveEvaluator::text).anyMatch(value -> value != null
        && others.stream().map(NaiveEvaluator::text).anyMatch(other -> other != null
            && glob(ref.kind(), Pattern.literal(other), ref.cased(), value)));
  }

  @Override
  public Boolean visitTimePart(TimePart part) {
    return values(part.field()).stream().anyMatch(value -> {
      long micros = EventTime.parse(value);
      if (micros == EventTime.NONE) {
        return false;
      }
      ZonedDateTime time = java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(ZoneOffset.UTC);
      long actual;
      switch (part.unit()) {
        case MINUTE: actual = time.get(ChronoField.MINUTE_OF_HOUR); break;
        case HOUR: actual = time.get(ChronoField.HOUR_OF_DAY); break;
        case DAY: actual = time.get(ChronoField.DAY_OF_MONTH); break;
        case WEEK: actual = time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR); break;
        case MONTH: actual = time.get(ChronoField.MONTH_OF_YEAR); break;
        default: actual = time.get(ChronoField.YEAR); break;
      }
      return part.op().test(BigDecimal.valueOf(actual), BigDecimal.valueOf(part.value()));
    });
  }

  @Override
  public Boolean visitPlaceholder(Placeholder placeholder) {
    throw new IllegalStateException("unresolved placeholder %" + placeholder.name() + "%");
  }
}
