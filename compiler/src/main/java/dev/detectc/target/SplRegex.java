package dev.detectc.target;

import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import dev.detectc.ir.RegexFlag;
import java.util.Optional;
import java.util.Set;

/**
 * Regular expressions for SPL's {@code match()} and {@code mvfind()}, which run PCRE. The text
 * built here never holds a raw control character or backtick (those are written as
 * {@code \xHH} escapes), so it can be quoted by {@link SplEscaper#evalString} and stays on one
 * line. Sigma patterns become anchored expressions in which {@code *} and {@code ?} also match
 * newlines, as Sigma's wildcards do.
 */
public final class SplRegex {

  private static final String METACHARACTERS = "\\^$.|?*+()[]{}";

  private SplRegex() {}

  /** The expression for a Sigma string pattern: {@code (?is)^lit.*lit\z} and so on. */
  public static String pattern(MatchKind kind, Pattern pattern, boolean cased) {
    StringBuilder regex = new StringBuilder(cased ? "(?s)" : "(?is)");
    if (kind.anchoredStart()) {
      regex.append('^');
    }
    regex.append(pattern.toRegexBody(text -> {
      StringBuilder literal = new StringBuilder();
      appendLiteral(literal, text);
      return literal.toString();
    }));
    if (kind.anchoredEnd()) {
      // \z, not $: PCRE's $ also matches before a final newline.
      regex.append("\\z");
    }
    return regex.toString();
  }

  /**
   * A rule's {@code |re} expression with its flags as an inline group, or empty with the reason
   * in {@code problem[0]} when PCRE would read it differently from Java's engine.
   */
  public static Optional<String> userRegex(String regex, Set<RegexFlag> flags, String[] problem) {
    Optional<String> dialect = dialectProblem(regex);
    if (dialect.isPresent()) {
      problem[0] = dialect.get();
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    if (!flags.isEmpty()) {
      out.append("(?");
      for (RegexFlag flag : RegexFlag.values()) {
        if (flags.contains(flag)) {
          out.append(flag.letter());
        }
      }
      out.append(')');
    }
    boolean quoted = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < regex.length() && regex.charAt(i + 1) == 'E') {
          out.append("\\E");
          i++;
          quoted = false;
        } else if (hidden(c)) {
          // Leave the \Q...\E quote, spell the character, and reopen it.
          out.append("\\E");
          appendHex(out, c);
          out.append("\\Q");
        } else {
          out.append(c);
        }
      } else if (c == '\\' && i + 1 < regex.length()) {
        char next = regex.charAt(++i);
        if (next == 'Q') {
          quoted = true;
          out.append("\\Q");
        } else if (hidden(next)) {
          // An escaped control character or backtick is that character: spell it instead.
          appendHex(out, next);
        } else if (next == 'u' && i + 4 < regex.length() && regex.substring(i + 1, i + 5).matches("[0-9A-Fa-f]{4}")) {
          // Java writes a code unit as backslash-u plus four hex digits; PCRE spells it \x{XXXX}.
          out.append("\\x{").append(regex, i + 1, i + 5).append('}');
          i += 4;
        } else {
          out.append('\\').append(next);
        }
      } else if (hidden(c)) {
        appendHex(out, c);
      } else {
        out.append(c);
      }
    }
    return Optional.of(out.toString());
  }

  /** Appends {@code text} so that PCRE matches it literally. */
  static void appendLiteral(StringBuilder regex, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (hidden(c)) {
        appendHex(regex, c);
      } else if (METACHARACTERS.indexOf(c) >= 0) {
        regex.append('\\').append(c);
      } else {
        regex.append(c);
      }
    }
  }

  private static boolean hidden(char c) {
    return c == '`' || SplEscaper.mustNotAppearRaw(c);
  }

  private static void appendHex(StringBuilder out, char c) {
    if (c < 0x100) {
      out.append(String.format("\\x%02x", (int) c));
    } else {
      out.append(String.format("\\x{%04x}", (int) c));
    }
  }

  /**
   * True when {@code regex} has an inline flag group that turns on extended mode ({@code (?x)},
   * {@code (?ix:...)}), in which whitespace is insignificant and a raw line break matters. Text
   * inside {@code \Q...\E}, escaped characters and character classes are literal, so a
   * {@code (?x} there is not a flag group (a quoted value such as {@code \Q(?x\E} must not be
   * refused).
   */
  static boolean turnsOnExtendedMode(String regex) {
    int classDepth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        if (regex.charAt(i + 1) == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          i = end < 0 ? regex.length() : end + 1;
        } else {
          i++;
        }
      } else if (c == '[') {
        classDepth++;
      } else if (c == ']' && classDepth > 0) {
        classDepth--;
      } else if (c == '(' && classDepth == 0 && regex.startsWith("?", i + 1)) {
        int j = i + 2;
        while (j < regex.length() && Character.isLetter(regex.charAt(j))) {
          if (regex.charAt(j) == 'x') {
            return true;
          }
          j++;
        }
      }
    }
    return false;
  }

  /**
   * Java-only regex syntax that PCRE would accept with another meaning or reject: class
   * intersection ({@code [a-z&&[^e]]}) and Java's {@code \p{javaX}} / {@code \p{IsX}} /
   * {@code \p{InX}} property names.
   */
  private static Optional<String> dialectProblem(String regex) {
    if (regex.chars().anyMatch(c -> hidden((char) c)) && turnsOnExtendedMode(regex)) {
      return Optional.of("an extended-mode (?x) expression with raw control characters cannot be written on one line");
    }
    int depth = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        char next = regex.charAt(i + 1);
        if ((next == 'p' || next == 'P') && regex.startsWith("{", i + 2)) {
          String name = regex.substring(i + 3, Math.max(i + 3, regex.indexOf('}', i + 3)));
          if (name.startsWith("java") || name.startsWith("Is") || name.startsWith("In")) {
            return Optional.of("the property \\" + next + "{" + name + "} is Java syntax that PCRE (Splunk) does not read");
          }
        }
        if (next == 'N' && regex.startsWith("{", i + 2)) {
          return Optional.of("named characters (\\N{...}) are Java syntax; PCRE (Splunk) reads \\N as 'not a newline'");
        }
        if (next == 'c' && i + 2 < regex.length() && hidden(regex.charAt(i + 2))) {
          return Optional.of("a \\c control escape followed by a control character or backtick cannot be written on one line");
        }
        if (next == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          i = end < 0 ? regex.length() : end + 1;
          continue;
        }
        i++;
      } else if (c == '[') {
        depth++;
      } else if (c == ']' && depth > 0) {
        depth--;
      } else if (c == '&' && depth > 0 && regex.startsWith("&&", i)) {
        return Optional.of("character-class intersection (&&) is Java syntax; PCRE (Splunk) reads it as a literal '&'");
      }
    }
    return Optional.empty();
  }
}
