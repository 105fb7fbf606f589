package dev.detectc.target.elastic;

import dev.detectc.ir.Pattern;
import java.util.Set;

/**
 * Escaping for ES|QL: double-quoted string literals (backslash escapes for quote, backslash,
 * tab, CR and LF; the grammar forbids raw CR and LF and takes every other character as is),
 * {@code LIKE} patterns (wildcard syntax with {@code \} escapes) and backquoted field names.
 */
public final class EsqlText {

  /** Words ES|QL reserves in expressions; a field name part spelled like one must be quoted. */
  static final Set<String> KEYWORDS = Set.of("and", "as", "asc", "by", "desc", "false", "first", "in", "is", "last",
      "like", "not", "null", "nulls", "on", "or", "rlike", "true", "with", "where", "metadata");

  private EsqlText() {}

  /** A string literal holding exactly {@code value}. */
  public static String string(String value) {
    StringBuilder text = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          text.append("\\\"");
          break;
        case '\\':
          text.append("\\\\");
          break;
        case '\n':
          text.append("\\n");
          break;
        case '\r':
          text.append("\\r");
          break;
        case '\t':
          text.append("\\t");
          break;
        default:
          text.append(c);
      }
    }
    return text.append('"').toString();
  }

  /** A string literal holding the wildcard pattern for {@code LIKE}. */
  public static String like(Pattern pattern) {
    return string(WildcardText.of(pattern));
  }

  /** A field name, backquoted when a part is not a plain identifier or is a keyword. */
  public static String field(String name) {
    return Identifiers.quoteIfNeeded(name, KEYWORDS, true);
  }
}
