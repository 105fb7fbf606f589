package dev.detectc.testing.spl;

import java.util.Locale;
import java.util.regex.Pattern;

/** How Splunk reads quoted strings and search-term wildcards. */
final class SplStrings {

  private SplStrings() {}

  /**
   * The text of a double-quoted string token: {@code \\} is a backslash, {@code \"} a quote;
   * any other backslash stays, as in {@code "\d"} handed on to a regular expression.
   */
  static String unquote(String token) {
    if (token.length() < 2 || token.charAt(0) != '"' || token.charAt(token.length() - 1) != '"') {
      throw new IllegalArgumentException("not a string token: " + token);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 1; i < token.length() - 1; i++) {
      char c = token.charAt(i);
      if (c == '\\' && i + 1 < token.length() - 1) {
        char next = token.charAt(i + 1);
        if (next == '\\' || next == '"') {
          text.append(next);
          i++;
          continue;
        }
      }
      text.append(c);
    }
    return text.toString();
  }

  /** A single-quoted field name without its quotes. */
  static String unquoteField(String token) {
    return token.substring(1, token.length() - 1);
  }

  /**
   * A search-term value as a case-insensitive whole-value test: {@code *} matches any run of
   * characters (newlines too), everything else itself. SPL has no way to escape {@code *}.
   */
  static Pattern wildcard(String value) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '*') {
        regex.append(Pattern.quote(literal.toString())).append(".*");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** Search terms compare case-insensitively. */
  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
