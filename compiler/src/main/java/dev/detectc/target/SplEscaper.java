package dev.detectc.target;

import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import dev.detectc.ir.PatternPart;
import java.util.Optional;

/**
 * Writes rule values and field names into SPL so that none can leave its quotes. SPL has two
 * string languages: search terms ({@code field="v*"}, case-insensitive, where {@code *} is a
 * wildcard that cannot be escaped) and eval expressions ({@code | where}, case-sensitive). Both
 * read {@code \\} as one backslash and {@code \"} as a quote. Values a search term cannot hold
 * exactly are refused here (empty result) so that the planner routes them to a {@code where}
 * clause with a regular expression built by {@link SplRegex}.
 */
public final class SplEscaper implements Escaper {

  /** Words a search or a by clause reads as operators, never as field names. */
  private static final java.util.Set<String> RESERVED = java.util.Set.of("AND", "OR", "NOT", "IN", "BY", "AS", "XOR");

  /**
   * A string literal, the same in search terms and eval expressions. Values holding control
   * characters or backticks never reach here: the compiler spells them in a regex first.
   */
  @Override
  public String string(String value) {
    return evalString(value);
  }

  /**
   * The field name itself: SPL spells a field differently in a search term (bare), an eval
   * expression (single-quoted) and a by clause, so the compiler quotes it per use with
   * {@link #searchField}, {@link #evalField} and {@link #statsField}.
   */
  @Override
  public String identifier(String name) {
    return name;
  }

  /**
   * The quoted search-term value for a Sigma pattern, or empty when a search term cannot mean
   * exactly the same: a literal {@code *} (SPL cannot escape it), {@code ?} (SPL has no
   * one-character wildcard), an empty value, or a character that must never appear raw.
   */
  public static Optional<String> searchValue(MatchKind kind, Pattern pattern) {
    StringBuilder text = new StringBuilder("\"");
    if (!kind.anchoredStart()) {
      text.append('*');
    }
    boolean hasLiteral = false;
    for (PatternPart part : pattern.parts()) {
      switch (part.kind()) {
        case ANY_CHARS:
          text.append('*');
          break;
        case ONE_CHAR:
          return Optional.empty();
        default:
          if (!searchSafe(part.text())) {
            return Optional.empty();
          }
          hasLiteral = true;
          appendEscaped(text, part.text());
      }
    }
    if (!hasLiteral && kind == MatchKind.EQUALS) {
      // field="" does not reliably find empty values in Splunk; a where clause does.
      return Optional.empty();
    }
    if (!kind.anchoredEnd()) {
      text.append('*');
    }
    return Optional.of(collapseStars(text.append('"').toString()));
  }

  /** True when {@code literal} can stand inside a quoted search term and mean itself. */
  public static boolean searchSafe(String literal) {
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '*' || c == '`' || mustNotAppearRaw(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * An eval string literal. The caller guarantees there is nothing to hide: regular expressions
   * from {@link SplRegex} spell control characters and backticks as escapes.
   */
  public static String evalString(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '`' || mustNotAppearRaw(c)) {
        throw new IllegalArgumentException("character U+" + Integer.toHexString(c) + " must be escaped before quoting");
      }
    }
    return appendEscaped(new StringBuilder("\""), value).append('"').toString();
  }

  /** A field name as a search term reads it, or empty when it needs quoting a search term cannot do. */
  public static Optional<String> searchField(String field) {
    boolean reserved = RESERVED.contains(field.toUpperCase(java.util.Locale.ROOT));
    return field.matches("[A-Za-z_][A-Za-z0-9_.]*") && !reserved ? Optional.of(field) : Optional.empty();
  }

  /**
   * A field name inside an eval expression: always single-quoted, since a bare dot is eval's
   * concatenation operator. Empty for names that could not be quoted safely.
   */
  public static Optional<String> evalField(String field) {
    if (!quotableField(field)) {
      return Optional.empty();
    }
    return Optional.of("'" + field + "'");
  }

  /** A field name in a stats, streamstats, bin or by clause: bare names only. */
  public static Optional<String> statsField(String field) {
    return searchField(field);
  }

  /** True when {@code field} can be written between single quotes in an eval expression. */
  public static boolean quotableField(String field) {
    if (field.isEmpty()) {
      return false;
    }
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\'' || c == '"' || c == '\\' || c == '`' || c == '|' || mustNotAppearRaw(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Characters never written raw into a query: C0 and C1 control characters (a newline would
   * also end a savedsearches.conf value), the Unicode line and paragraph separators, and the
   * invisible byte-order mark.
   */
  public static boolean mustNotAppearRaw(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff;
  }

  private static StringBuilder appendEscaped(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '"') {
        out.append('\\');
      }
      out.append(c);
    }
    return out;
  }

  private static String collapseStars(String text) {
    // "**" means the same as "*"; an empty CONTAINS pattern would otherwise print two.
    return text.replace("**", "*");
  }
}
