package dev.detectc.target;

import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Writes rule values into one target language so that they can never leave their literal:
 * string literals (quotes included), field identifiers and numbers. Each target has one,
 * tested character by character; templates never escape anything themselves.
 */
public interface Escaper {

  /** A complete string literal whose decoded value is exactly {@code value}. */
  String string(String value);

  /** A field name as the target writes it, quoted when it is not a plain identifier. */
  String identifier(String name);

  /** A number literal. */
  default String number(BigDecimal value) {
    return value.stripTrailingZeros().scale() <= 0 ? value.toBigInteger().toString() : value.stripTrailingZeros().toPlainString();
  }

  /** A time span literal, in the largest of d, h, m, s that divides it ({@code 5m}, {@code 90s}). */
  default String duration(java.time.Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 86400 == 0) {
      return seconds / 86400 + "d";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  /** A boolean literal. */
  default String bool(boolean value) {
    return String.valueOf(value);
  }

  /**
   * The pattern (outer wildcards added back as {@code kind} says) in the target's own wildcard
   * syntax, for targets whose templates match wildcards natively; empty where there is none.
   */
  default Optional<String> wildcard(Pattern pattern, MatchKind kind) {
    return Optional.empty();
  }

  /**
   * For targets whose own string comparisons are case-sensitive (Lucene query strings, ES|QL,
   * Query DSL): the pattern, placed as {@code kind} says, as one complete operand that matches
   * it ignoring case, in whatever form the target needs (a regex of letter classes, a lowercased
   * literal, a clause with {@code case_insensitive}). Empty where the templates' operators ignore
   * case themselves, which is the default.
   */
  default Optional<String> caseless(Pattern pattern, MatchKind kind) {
    return Optional.empty();
  }

  /** A regular expression (already in the target's dialect) as the target writes one; a string literal by default. */
  default String regex(String expression) {
    return string(expression);
  }

  /** {@code pattern} with the outer wildcards {@code kind} stands for added back. */
  static Pattern placed(Pattern pattern, MatchKind kind) {
    Pattern full = pattern;
    if (!kind.anchoredStart() && !full.startsWithAny()) {
      full = full.prepend(dev.detectc.ir.PatternPart.ANY);
    }
    if (!kind.anchoredEnd() && !full.endsWithAny()) {
      full = full.append(dev.detectc.ir.PatternPart.ANY);
    }
    return full;
  }
}
