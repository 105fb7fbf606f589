package dev.detectc.target.elastic;

import dev.detectc.ir.Pattern;
import java.util.Set;

/**
 * Escaping for EQL: double-quoted string literals (backslash escapes for quote, backslash, tab,
 * CR and LF, a Unicode escape {@code \}{@code u{XX}} for other control characters), wildcard patterns for {@code :} and
 * {@code like} (Lucene wildcard syntax with {@code \} escapes) and backquoted field names.
 */
public final class EqlText {

  /** Field names as written, worked out once each: a corpus repeats the same few hundred. */
  private static final java.util.Map<String, String> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

  /** Words EQL reserves; a field name part spelled like one must be quoted. */
  static final Set<String> KEYWORDS = Set.of("and", "any", "by", "false", "in", "join", "like", "maxspan", "not",
      "null", "of", "or", "regex", "runs", "sample", "sequence", "true", "until", "where", "with");

  private EqlText() {}

  /** A string literal holding exactly {@code value}. */
  public static String string(String value) {
    return StringLiterals.quote(value, true);
  }

  /** A string literal holding the wildcard pattern for {@code :} / {@code like}. */
  public static String wildcard(Pattern pattern) {
    return string(WildcardText.of(pattern));
  }

  /** A field name, backquoted when a part is not a plain identifier or is a keyword. */
  public static String field(String name) {
    return FIELDS.computeIfAbsent(name, key -> Identifiers.quoteIfNeeded(key, KEYWORDS, false));
  }
}
