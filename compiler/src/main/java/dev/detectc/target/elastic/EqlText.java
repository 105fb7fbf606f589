package dev.detectc.target.elastic;

import dev.detectc.ir.Pattern;
import java.util.Set;

/**
 * Escaping for EQL: double-quoted string literals (backslash escapes for quote, backslash, tab,
 * CR and LF, a Unicode escape {@code \}{@code u{XX}} for other control characters), wildcard patterns for {@code :} and
 * {@code like} (Lucene wildcard syntax with {@code \} escapes) and backquoted field names.
 */
public final class EqlText {

  /** Words EQL reserves; a field name part spelled like one must be quoted. */
  static final Set<String> KEYWORDS = Set.of("and", "any", "by", "false", "in", "join", "like", "maxspan", "not",
      "null", "of", "or", "regex", "runs", "sample", "sequence", "true", "until", "where", "with");

  private EqlText() {}

  /** A string literal holding exactly {@code value}. */
  public static String string(String value) {
    StringBuilder text = new StringBuilder(value.length() + 2).append('"');
    value.codePoints().forEach(cp -> {
      switch (cp) {
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
          if (cp < 0x20 || cp == 0x7f) {
            text.append("\\u{").append(Integer.toHexString(cp)).append('}');
          } else {
            text.appendCodePoint(cp);
          }
      }
    });
    return text.append('"').toString();
  }

  /** A string literal holding the wildcard pattern for {@code :} / {@code like}. */
  public static String wildcard(Pattern pattern) {
    return string(WildcardText.of(pattern));
  }

  /** A field name, backquoted when a part is not a plain identifier or is a keyword. */
  public static String field(String name) {
    return Identifiers.quoteIfNeeded(name, KEYWORDS, false);
  }
}
