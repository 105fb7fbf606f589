package dev.detectc.target.elastic;

import dev.detectc.ir.Pattern;
import java.util.Set;

/**
 * Escaping for ES|QL: double-quoted string literals (backslash escapes for quote, backslash,
 * tab, CR and LF; the grammar forbids raw CR and LF and takes every other character as is),
 * {@code LIKE} patterns (wildcard syntax with {@code \} escapes) and backquoted field names.
 */
public final class EsqlText {

  /** Field names as written, worked out once each: a corpus repeats the same few hundred. */
  private static final java.util.Map<String, String> FIELDS = new java.util.concurrent.ConcurrentHashMap<>();

  /** Words ES|QL reserves in expressions; a field name part spelled like one must be quoted. */
  static final Set<String> KEYWORDS = Set.of("and", "as", "asc", "by", "desc", "false", "first", "in", "is", "last",
      "like", "not", "null", "nulls", "on", "or", "rlike", "true", "with", "where", "metadata");

  private EsqlText() {}

  /** A string literal holding exactly {@code value}. */
  public static String string(String value) {
    return StringLiterals.quote(value, false);
  }

  /** A string literal holding the wildcard pattern for {@code LIKE}. */
  public static String like(Pattern pattern) {
    return string(WildcardText.of(pattern));
  }

  /** A field name, backquoted when a part is not a plain identifier or is a keyword. */
  public static String field(String name) {
    return FIELDS.computeIfAbsent(name, key -> Identifiers.quoteIfNeeded(key, KEYWORDS, true));
  }
}
