package dev.detectc.target.elastic;

import dev.detectc.ir.Pattern;
import dev.detectc.ir.PatternPart;

/**
 * A Sigma pattern in Lucene wildcard syntax, the pattern language of Query DSL {@code wildcard},
 * EQL {@code :} / {@code like} and ES|QL {@code LIKE}: {@code *} and {@code ?} are wildcards and
 * a backslash makes the next character literal, so literal {@code *}, {@code ?} and {@code \}
 * are escaped. The result is pattern text, not yet a string literal of any language.
 */
public final class WildcardText {

  private WildcardText() {}

  public static String of(Pattern pattern) {
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
          literal(part.text(), text);
      }
    }
    return text.toString();
  }

  /** The literal text escaped for wildcard syntax. */
  public static String literal(String value) {
    StringBuilder text = new StringBuilder();
    literal(value, text);
    return text.toString();
  }

  private static void literal(String value, StringBuilder text) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '*' || c == '?' || c == '\\') {
        text.append('\\');
      }
      text.append(c);
    }
  }
}
