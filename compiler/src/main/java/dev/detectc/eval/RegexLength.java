package dev.detectc.eval;

/**
 * A lower bound on the length of any match of an RE2 regular expression, so a value too short
 * to hold one is rejected without running the automaton (in DNS logs most names are far shorter
 * than a "long label" regex needs). Every construct counted consumes at least one code point,
 * hence at least one UTF-16 char; anything this reader does not fully know makes the bound 0,
 * which only turns the shortcut off. The bound never exceeds the true minimum, so it cannot
 * hide a match.
 */
final class RegexLength {

  private static final int CAP = 100_000;

  private final String text;
  private int at;

  private RegexLength(String text) {
    this.text = text;
  }

  /** The fewest chars a match of {@code regex} can span; 0 when unknown. */
  static int minimum(String regex) {
    RegexLength reader = new RegexLength(regex);
    try {
      int minimum = reader.alternation();
      return reader.at == regex.length() ? minimum : 0;
    } catch (Unknown e) {
      return 0;
    }
  }

  private static final class Unknown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unknown() {
      super(null, null, false, false);
    }
  }

  private int alternation() {
    int minimum = sequence();
    while (at < text.length() && text.charAt(at) == '|') {
      at++;
      minimum = Math.min(minimum, sequence());
    }
    return minimum;
  }

  private int sequence() {
    int total = 0;
    while (at < text.length() && text.charAt(at) != '|' && text.charAt(at) != ')') {
      int atom = atom();
      total = Math.min(CAP, total + atom * repetitions());
    }
    return total;
  }

  /** The minimum of one atom; zero-width ones count 0. */
  private int atom() {
    char c = text.charAt(at++);
    switch (c) {
      case '(':
        return group();
      case '[':
        skipClass();
        return 1;
      case '\\':
        return escape();
      case '^':
      case '$':
        return 0;
      case '*':
      case '+':
      case '?':
      case '{':
      case ')':
        throw new Unknown();
      default:
        if (Character.isHighSurrogate(c) && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
          at++;
        }
        return 1;
    }
  }

  /** After '(': a capturing, named or non-capturing group, or a flag setting such as (?i). */
  private int group() {
    if (at < text.length() && text.charAt(at) == '?') {
      at++;
      if (text.startsWith("P<", at)) {
        at = closing('>', at + 2) + 1;
      } else {
        while (at < text.length() && (Character.isLetter(text.charAt(at)) || text.charAt(at) == '-')) {
          at++;
        }
        if (at < text.length() && text.charAt(at) == ')') {
          at++;
          return 0;
        }
        if (at >= text.length() || text.charAt(at) != ':') {
          throw new Unknown();
        }
        at++;
      }
    }
    int minimum = alternation();
    if (at >= text.length() || text.charAt(at) != ')') {
      throw new Unknown();
    }
    at++;
    return minimum;
  }

  /** After '[': moves past the class; a class always matches exactly one code point. */
  private void skipClass() {
    if (at < text.length() && text.charAt(at) == '^') {
      at++;
    }
    if (at < text.length() && text.charAt(at) == ']') {
      at++;
    }
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == ']') {
        at++;
        return;
      }
      if (c == '\\') {
        at += 2;
      } else if (c == '[' && text.startsWith("[:", at)) {
        at = closing(']', at + 2) + 1;
      } else {
        at++;
      }
    }
    throw new Unknown();
  }

  /** After a backslash. */
  private int escape() {
    if (at >= text.length()) {
      throw new Unknown();
    }
    char c = text.charAt(at++);
    switch (c) {
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        return 0;
      case 'Q':
        int end = text.indexOf("\\E", at);
        int stop = end < 0 ? text.length() : end;
        int literal = text.codePointCount(at, stop);
        at = end < 0 ? stop : end + 2;
        return literal;
      case 'p':
      case 'P':
        if (at < text.length() && text.charAt(at) == '{') {
          at = closing('}', at) + 1;
        } else {
          at++;
        }
        return 1;
      case 'x':
        if (at < text.length() && text.charAt(at) == '{') {
          at = closing('}', at) + 1;
        } else {
          at += 2;
        }
        return 1;
      default:
        if (Character.isLetterOrDigit(c) && "dDwWsStnrfvae".indexOf(c) < 0) {
          // Octal, backreferences and other letters: leave them to RE2 and make no claim.
          throw new Unknown();
        }
        return 1;
    }
  }

  /** The smallest count the quantifiers after an atom allow (1 without any). */
  private int repetitions() {
    int factor = 1;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '*' || c == '?') {
        factor = 0;
        at++;
      } else if (c == '+') {
        at++;
      } else if (c == '{') {
        int close = text.indexOf('}', at);
        String bounds = close < 0 ? "" : text.substring(at + 1, close);
        if (!bounds.matches("\\d{1,4}(,\\d{0,4})?")) {
          // RE2 reads a '{' that starts no repetition as a literal; no claim for that rare case.
          throw new Unknown();
        }
        int low = Integer.parseInt(bounds.split(",", -1)[0]);
        factor = Math.min(CAP, factor * low);
        at = close + 1;
      } else {
        return factor;
      }
      if (at < text.length() && text.charAt(at) == '?') {
        at++;
      }
    }
    return factor;
  }

  private int closing(char wanted, int from) {
    int close = text.indexOf(wanted, from);
    if (close < 0) {
      throw new Unknown();
    }
    return close;
  }
}
