package dev.detectc.target.elastic;

/**
 * The character-level part of {@link RegexParser}: bracketed classes and backslash escapes,
 * each resolved to a {@link CodePointSet} with case folding already applied under {@code (?i)}.
 * Everything follows RE2, the engine the evaluator runs: {@code \d} is ASCII digits, {@code \w}
 * ASCII word characters, {@code \s} tab, LF, FF, CR and space; under {@code (?i)} literals,
 * ranges and {@code \w} are folded, and {@code \W} is the complement of the folded {@code \w}.
 */
final class RegexClasses {

  private RegexClasses() {}

  /** A class after its opening bracket, through the closing one, case-closed under {@code (?i)}. */
  static CodePointSet parseClass(RegexParser parser) {
    boolean negated = parser.peek() == '^';
    if (negated) {
      parser.skip(1);
    }
    CodePointSet set = CodePointSet.EMPTY;
    boolean first = true;
    while (true) {
      if (parser.atEnd()) {
        throw parser.refuse("an unclosed character class");
      }
      char c = parser.peek();
      if (c == ']' && !first) {
        parser.skip(1);
        break;
      }
      first = false;
      if (c == '[') {
        throw parser.refuse("a nested character class or POSIX class");
      }
      if (c == '&' && parser.rest().startsWith("&&")) {
        throw parser.refuse("a class intersection (&&)");
      }
      if (parser.peek() == '\\' && "dDwWsS".indexOf(parser.rest().length() > 1 ? parser.rest().charAt(1) : ' ') >= 0) {
        parser.skip(1);
        set = set.union(escapeSet(parser));
        continue;
      }
      int low = classChar(parser);
      int high = low;
      if (parser.peek() == '-' && parser.rest().length() > 1 && parser.rest().charAt(1) != ']') {
        parser.skip(1);
        high = classChar(parser);
        if (high < low) {
          throw parser.refuse("a character range with reversed bounds");
        }
      }
      CodePointSet item = CodePointSet.range(low, high);
      item = parser.ignoreCase() ? item.orbitClosed() : item;
      set = set.union(item);
    }
    return negated ? set.complement() : set;
  }

  /** One character of a class (a literal or a single-character escape), unfolded. */
  private static int classChar(RegexParser parser) {
    if (parser.peek() != '\\') {
      return parser.codePointAt(parser.advance());
    }
    parser.skip(1);
    if (parser.atEnd()) {
      throw parser.refuse("a trailing backslash");
    }
    if (parser.peek() == 'b' || parser.peek() == 'Q') {
      throw parser.refuse("\\" + parser.peek() + " inside a character class");
    }
    int single = plainEscapeSet(parser).single();
    if (single < 0) {
      throw parser.refuse("a class escape as a range bound");
    }
    return single;
  }

  /** The set an escape denotes, folded under {@code (?i)}; the cursor is on the character after the backslash. */
  static CodePointSet escapeSet(RegexParser parser) {
    CodePointSet set = plainEscapeSet(parser);
    if (!parser.ignoreCase()) {
      return set;
    }
    if (set.equals(CodePointSet.WORD)) {
      return set.orbitClosed();
    }
    if (set.equals(CodePointSet.WORD.complement())) {
      return CodePointSet.WORD.orbitClosed().complement();
    }
    return set.single() >= 0 ? set.orbitClosed() : set;
  }

  private static CodePointSet plainEscapeSet(RegexParser parser) {
    int index = parser.advance();
    int c = parser.codePointAt(index);
    switch (c) {
      case 'd':
        return CodePointSet.DIGITS;
      case 'D':
        return CodePointSet.DIGITS.complement();
      case 'w':
        return CodePointSet.WORD;
      case 'W':
        return CodePointSet.WORD.complement();
      case 's':
        return CodePointSet.SPACE;
      case 'S':
        return CodePointSet.SPACE.complement();
      case 't':
        return CodePointSet.of('\t');
      case 'n':
        return CodePointSet.of('\n');
      case 'r':
        return CodePointSet.of('\r');
      case 'f':
        return CodePointSet.of('\f');
      case 'a':
        return CodePointSet.of(7);
      case 'e':
        return CodePointSet.of(27);
      case 'v':
        return CodePointSet.of(11);
      case 'x':
        return CodePointSet.of(hex(parser));
      case 'u':
        return CodePointSet.of(digits(parser, 4, 16));
      case '0':
        return CodePointSet.of(octal(parser));
      case 'b':
      case 'B':
        throw parser.refuse("a word boundary \\" + (char) c);
      case 'p':
      case 'P':
        throw parser.refuse("a Unicode property class \\" + (char) c);
      case 'k':
        throw parser.refuse("a named backreference \\k");
      default:
        if (c >= '1' && c <= '9') {
          throw parser.refuse("a backreference \\" + (char) c);
        }
        if (c < 0x80 && Character.isLetterOrDigit(c)) {
          throw parser.refuse("the escape \\" + (char) c);
        }
        return CodePointSet.of(c);
    }
  }

  private static int hex(RegexParser parser) {
    if (parser.peek() == '{') {
      String rest = parser.rest();
      int close = rest.indexOf('}');
      if (close < 2 || close > 9 || !rest.substring(1, close).matches("[0-9A-Fa-f]+")) {
        throw parser.refuse("a malformed \\x{...} escape");
      }
      parser.skip(close + 1);
      int value = Integer.parseInt(rest.substring(1, close), 16);
      if (value > CodePointSet.MAX) {
        throw parser.refuse("a \\x{...} escape beyond Unicode");
      }
      return value;
    }
    return digits(parser, 2, 16);
  }

  private static int digits(RegexParser parser, int count, int radix) {
    String rest = parser.rest();
    if (rest.length() < count || !rest.substring(0, count).chars().allMatch(ch -> Character.digit(ch, radix) >= 0)) {
      throw parser.refuse("a malformed numeric escape");
    }
    parser.skip(count);
    return Integer.parseInt(rest.substring(0, count), radix);
  }

  private static int octal(RegexParser parser) {
    String rest = parser.rest();
    int length = 0;
    while (length < 3 && length < rest.length() && rest.charAt(length) >= '0' && rest.charAt(length) <= '7') {
      length++;
    }
    if (length == 0) {
      return 0;
    }
    parser.skip(length);
    int value = Integer.parseInt(rest.substring(0, length), 8);
    return value;
  }
}
