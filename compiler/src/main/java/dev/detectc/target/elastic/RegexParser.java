package dev.detectc.target.elastic;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the regular expressions Sigma rules carry (the RE2 / Java / PCRE common ground, already
 * checked to compile) into {@link RegexNode}s, resolving flags, escapes and classes into code point
 * sets. Constructs with no counterpart in the Lucene regex family (lookaround, backreferences,
 * word boundaries, possessive or atomic groups, Unicode properties) are refused with
 * {@link Unexpressible}, naming the construct.
 */
final class RegexParser {

  private final String text;
  private int at;
  private boolean ignoreCase;
  private boolean dotAll;
  private boolean multiline;

  private RegexParser(String text, boolean ignoreCase, boolean dotAll, boolean multiline) {
    this.text = text;
    this.ignoreCase = ignoreCase;
    this.dotAll = dotAll;
    this.multiline = multiline;
  }

  static RegexNode parse(String regex, boolean ignoreCase, boolean dotAll, boolean multiline) {
    RegexParser parser = new RegexParser(regex, ignoreCase, dotAll, multiline);
    RegexNode node = parser.alternation();
    if (parser.at < regex.length()) {
      throw parser.refuse("an unbalanced ')'");
    }
    return node;
  }

  private RegexNode alternation() {
    List<RegexNode> options = new ArrayList<>();
    options.add(concatenation());
    while (peek() == '|') {
      at++;
      options.add(concatenation());
    }
    return options.size() == 1 ? options.get(0) : new RegexNode.Alt(options);
  }

  private RegexNode concatenation() {
    List<RegexNode> items = new ArrayList<>();
    while (at < text.length() && peek() != '|' && peek() != ')') {
      RegexNode atom = atom();
      if (atom != null) {
        items.add(repetitions(atom));
      }
    }
    return items.size() == 1 ? items.get(0) : new RegexNode.Concat(items);
  }

  private RegexNode repetitions(RegexNode atom) {
    RegexNode node = atom;
    while (at < text.length()) {
      char c = peek();
      int min;
      int max;
      if (c == '*' || c == '+' || c == '?') {
        at++;
        min = c == '+' ? 1 : 0;
        max = c == '?' ? 1 : -1;
      } else if (c == '{' && text.indexOf('}', at) > at) {
        String bounds = text.substring(at + 1, text.indexOf('}', at));
        if (!bounds.matches("\\d{1,4}(,\\d{0,4})?")) {
          throw refuse("the repetition {" + bounds + "}");
        }
        at = text.indexOf('}', at) + 1;
        String[] parts = bounds.split(",", -1);
        min = Integer.parseInt(parts[0]);
        max = parts.length == 1 ? min : parts[1].isEmpty() ? -1 : Integer.parseInt(parts[1]);
      } else {
        return node;
      }
      if (node instanceof RegexNode.Anchor) {
        throw refuse("a repeated anchor");
      }
      if (peek() == '+') {
        throw refuse("a possessive quantifier");
      }
      if (peek() == '?') {
        at++; // A lazy quantifier changes which match is reported, never whether one exists.
      }
      node = new RegexNode.Repeat(node, min, max);
    }
    return node;
  }

  private RegexNode atom() {
    char c = text.charAt(at++);
    switch (c) {
      case '(':
        return group();
      case '[':
        return new RegexNode.Chars(RegexClasses.parseClass(this));
      case '.':
        return new RegexNode.Chars(dotAll ? CodePointSet.ALL : CodePointSet.NEWLINE.complement());
      case '^':
        return new RegexNode.Anchor(true, multiline);
      case '$':
        return new RegexNode.Anchor(false, multiline);
      case '\\':
        return escape();
      default:
        at--;
        return literal(text.codePointAt(advance()));
    }
  }

  private RegexNode group() {
    boolean savedCase = ignoreCase;
    boolean savedDot = dotAll;
    boolean savedLines = multiline;
    if (peek() == '?') {
      at++;
      char kind = at < text.length() ? text.charAt(at) : 0;
      if (kind == ':') {
        at++;
      } else if (kind == 'P' || (kind == '<' && at + 1 < text.length() && Character.isLetter(text.charAt(at + 1)))) {
        int close = text.indexOf('>', at);
        if (close < 0) {
          throw refuse("an unterminated group name");
        }
        at = close + 1;
      } else if (kind == '=' || kind == '!' || kind == '<') {
        throw refuse("a lookaround assertion (?" + kind + "...)");
      } else if (kind == '>') {
        throw refuse("an atomic group (?>...)");
      } else if (flags()) {
        return null;
      }
    }
    RegexNode inner = alternation();
    if (peek() != ')') {
      throw refuse("an unclosed group");
    }
    at++;
    ignoreCase = savedCase;
    dotAll = savedDot;
    multiline = savedLines;
    return inner;
  }

  /** Reads {@code (?flags)} or {@code (?flags:}; true for the former, which has no node of its own. */
  private boolean flags() {
    boolean on = true;
    while (at < text.length()) {
      char f = text.charAt(at++);
      switch (f) {
        case 'i':
          ignoreCase = on;
          break;
        case 's':
          dotAll = on;
          break;
        case 'm':
          multiline = on;
          break;
        case '-':
          on = false;
          break;
        case ':':
          return false;
        case ')':
          return true;
        default:
          throw refuse("the inline flag '" + f + "'");
      }
    }
    throw refuse("an unterminated flag group");
  }

  private RegexNode escape() {
    if (at >= text.length()) {
      throw refuse("a trailing backslash");
    }
    char c = text.charAt(at);
    switch (c) {
      case 'A':
        at++;
        return new RegexNode.Anchor(true, false);
      case 'z':
        at++;
        return new RegexNode.Anchor(false, false);
      case 'Q':
        int end = text.indexOf("\\E", at);
        String quoted = text.substring(at + 1, end < 0 ? text.length() : end);
        at = end < 0 ? text.length() : end + 2;
        List<RegexNode> chars = new ArrayList<>();
        quoted.codePoints().forEach(cp -> chars.add(literal(cp)));
        return chars.size() == 1 ? chars.get(0) : new RegexNode.Concat(chars);
      default:
        return new RegexNode.Chars(RegexClasses.escapeSet(this));
    }
  }

  private RegexNode literal(int codePoint) {
    CodePointSet set = CodePointSet.of(codePoint);
    return new RegexNode.Chars(ignoreCase ? set.orbitClosed() : set);
  }

  // Cursor helpers shared with RegexClasses.

  char peek() {
    return at < text.length() ? text.charAt(at) : 0;
  }

  boolean atEnd() {
    return at >= text.length();
  }

  /** Consumes one code point and returns the index it started at. */
  int advance() {
    int start = at;
    at += Character.charCount(text.codePointAt(at));
    return start;
  }

  int codePointAt(int index) {
    return text.codePointAt(index);
  }

  String rest() {
    return text.substring(at);
  }

  void skip(int chars) {
    at += chars;
  }

  boolean ignoreCase() {
    return ignoreCase;
  }

  Unexpressible refuse(String construct) {
    return new Unexpressible("the regular expression '" + text + "' uses " + construct
        + ", which the Lucene regular-expression syntax of Elasticsearch cannot express");
  }
}
