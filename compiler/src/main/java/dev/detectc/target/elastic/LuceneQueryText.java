package dev.detectc.target.elastic;

import dev.detectc.ir.Pattern;
import dev.detectc.ir.PatternPart;

/**
 * Escaping for the Lucene query-string syntax that Elasticsearch's {@code query_string} and
 * Kibana's Lucene bar parse. Every character the classic grammar treats as syntax is preceded by a
 * backslash, and so is whitespace (which would split the term); a term that is exactly
 * {@code AND}, {@code OR} or {@code NOT} is escaped too, since the parser would read it as an
 * operator. Values are left unquoted so that wildcards stay usable beside escaped text.
 */
public final class LuceneQueryText {

  /** Characters with a meaning in the query-string grammar (classic QueryParser and Elasticsearch). */
  static final String RESERVED = "+-=&|><!(){}[]^\"~*?:\\/";

  private LuceneQueryText() {}

  /** A literal value as one term; the empty string becomes {@code ""}. */
  public static String term(String value) {
    if (value.isEmpty()) {
      return "\"\"";
    }
    if (value.equals("AND") || value.equals("OR") || value.equals("NOT")) {
      return "\\" + value;
    }
    return escape(value);
  }

  /** A field name; dots stay as they are, everything the grammar reserves is escaped. */
  public static String field(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty field name");
    }
    return escape(name);
  }

  /**
   * A Sigma pattern as a wildcard term: literal parts escaped, {@code *} and {@code ?} left as
   * the query-string wildcards (which have the same meaning). Outer wildcards are added for
   * the match kind by the caller through the pattern.
   */
  public static String wildcard(Pattern pattern) {
    StringBuilder text = new StringBuilder();
    for (PatternPart part : pattern.parts()) {
      switch (part.kind()) {
        case ANY_CHARS:
          text.append('*');
          break;
        case ONE_CHAR:
          text.append('?');
          break;
        default:
          text.append(escape(part.text()));
      }
    }
    return text.toString();
  }

  /**
   * A Lucene regular expression between slashes. The grammar reads a backslash before a slash as
   * an escaped slash even after another backslash, so an expression ending in a backslash gets an
   * empty group after it, which matches nothing more.
   */
  public static String regex(String expression) {
    return "/" + expression + (expression.endsWith("\\") ? "()" : "") + "/";
  }

  static String escape(String value) {
    StringBuilder text = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (RESERVED.indexOf(c) >= 0 || isGrammarWhitespace(c)) {
        text.append('\\');
      }
      text.append(c);
    }
    return text.toString();
  }

  /** The whitespace that separates terms in the classic grammar (space, tab, CR, LF, U+3000). */
  static boolean isGrammarWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u3000';
  }
}
