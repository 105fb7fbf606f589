package dev.detectc.target.elastic;

import dev.detectc.ir.PatternPart;
import dev.detectc.ir.RegexFlag;
import dev.detectc.ir.RegexMatch;
import dev.detectc.ir.MatchKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes expressions in the Lucene regular-expression syntax that Elasticsearch's
 * {@code regexp} query, query-string {@code /.../}, EQL {@code regex} and ES|QL {@code RLIKE}
 * share. That syntax always matches the whole value, knows no {@code \d}-style escapes in older
 * versions (and rejects {@code \n}-style ones in newer), no anchors and no flags; so Sigma's
 * substring semantics become {@code .*} on each unanchored side, case-insensitivity becomes
 * classes of case variants, {@code .} without {@code (?s)} becomes "anything but LF", and every
 * ASCII punctuation character in a literal is escaped (letters and digits never are).
 */
public final class LuceneRegex {

  /** Elasticsearch's default {@code index.max_regex_length}: longer expressions are rejected by the engine. */
  public static final int MAX_LENGTH = 1000;

  private LuceneRegex() {}

  /** A Sigma {@code |re} match as a Lucene expression with the same meaning. */
  public static String of(RegexMatch match) {
    RegexNode root = RegexParser.parse(match.regex(), match.has(RegexFlag.IGNORECASE), match.has(RegexFlag.DOTALL),
        match.has(RegexFlag.MULTILINE));
    List<RegexNode> branches = root instanceof RegexNode.Alt ? ((RegexNode.Alt) root).options() : List.of(root);
    List<String> written = new ArrayList<>();
    for (RegexNode branch : branches) {
      written.add(branch(branch, match.regex()));
    }
    return written.size() == 1 ? written.get(0) : "(" + String.join("|", written) + ")";
  }

  /**
   * A Sigma string pattern as a Lucene expression matching it case-insensitively: each cased
   * letter becomes the class of its case variants, {@code *} is {@code .*}, {@code ?} is {@code .}.
   */
  public static String caseInsensitive(MatchKind kind, dev.detectc.ir.Pattern pattern) {
    return pattern(kind, pattern, true);
  }

  /** A Sigma string pattern placed as {@code kind} says, as a Lucene expression; letters folded when {@code fold}. */
  public static String pattern(MatchKind kind, dev.detectc.ir.Pattern pattern, boolean fold) {
    StringBuilder text = new StringBuilder(kind.anchoredStart() ? "" : ".*");
    if (pattern.parts().isEmpty() && kind == MatchKind.EQUALS) {
      return "()";
    }
    for (PatternPart part : pattern.parts()) {
      switch (part.kind()) {
        case ANY_CHARS:
          text.append(".*");
          break;
        case ONE_CHAR:
          text.append('.');
          break;
        default:
          part.text().codePoints().forEach(cp -> set(fold ? CodePointSet.of(cp).caseClosed() : CodePointSet.of(cp), text));
      }
    }
    return text.append(kind.anchoredEnd() ? "" : ".*").toString();
  }

  private static String branch(RegexNode branch, String source) {
    List<RegexNode> items = branch instanceof RegexNode.Concat
        ? new ArrayList<>(((RegexNode.Concat) branch).items()) : new ArrayList<>(List.of(branch));
    RegexNode.Anchor start = null;
    RegexNode.Anchor end = null;
    while (!items.isEmpty() && items.get(0) instanceof RegexNode.Anchor && ((RegexNode.Anchor) items.get(0)).start()) {
      start = (RegexNode.Anchor) items.remove(0);
    }
    while (!items.isEmpty() && items.get(items.size() - 1) instanceof RegexNode.Anchor
        && !((RegexNode.Anchor) items.get(items.size() - 1)).start()) {
      end = (RegexNode.Anchor) items.remove(items.size() - 1);
    }
    StringBuilder text = new StringBuilder();
    // Unanchored: anything may come first. (?m)^: the text start or just after a line feed.
    text.append(start == null ? ".*" : start.multiline() ? "(.*\n)?" : "");
    for (RegexNode item : items) {
      write(item, text, source, true);
    }
    text.append(end == null ? ".*" : end.multiline() ? "(\n.*)?" : "");
    return text.length() == 0 ? "()" : text.toString();
  }

  private static void write(RegexNode node, StringBuilder text, String source, boolean inConcat) {
    if (node instanceof RegexNode.Chars) {
      set(((RegexNode.Chars) node).set(), text);
    } else if (node instanceof RegexNode.Concat) {
      List<RegexNode> items = ((RegexNode.Concat) node).items();
      if (items.isEmpty()) {
        text.append("()");
        return;
      }
      boolean group = !inConcat;
      text.append(group ? "(" : "");
      items.forEach(item -> write(item, text, source, true));
      text.append(group ? ")" : "");
    } else if (node instanceof RegexNode.Alt) {
      text.append('(');
      List<RegexNode> options = ((RegexNode.Alt) node).options();
      for (int i = 0; i < options.size(); i++) {
        text.append(i == 0 ? "" : "|");
        write(options.get(i), text, source, true);
      }
      text.append(')');
    } else if (node instanceof RegexNode.Repeat) {
      RegexNode.Repeat repeat = (RegexNode.Repeat) node;
      write(repeat.node(), text, source, false);
      text.append(quantifier(repeat.min(), repeat.max()));
    } else {
      throw new Unexpressible("the regular expression '" + source + "' uses an anchor (^, $, \\A or \\z) other than"
          + " at the start or end of a top-level alternative; Lucene regular expressions always match the whole value");
    }
  }

  private static String quantifier(int min, int max) {
    if (min == 0 && max == -1) {
      return "*";
    }
    if (min == 1 && max == -1) {
      return "+";
    }
    if (min == 0 && max == 1) {
      return "?";
    }
    if (max == -1) {
      return "{" + min + ",}";
    }
    return min == max ? "{" + min + "}" : "{" + min + "," + max + "}";
  }

  /** A code point set as a literal, {@code .}, or the shorter of a class and its negation. */
  static void set(CodePointSet set, StringBuilder text) {
    if (set.isEmpty()) {
      throw new Unexpressible("a character class that matches nothing");
    }
    if (set.equals(CodePointSet.ALL)) {
      text.append('.');
      return;
    }
    if (set.single() >= 0) {
      literal(set.single(), text);
      return;
    }
    CodePointSet complement = set.complement();
    boolean negate = complement.ranges().size() < set.ranges().size();
    text.append(negate ? "[^" : "[");
    for (int[] range : (negate ? complement : set).ranges()) {
      literal(range[0], text);
      if (range[1] != range[0]) {
        text.append(range[1] == range[0] + 1 ? "" : "-");
        literal(range[1], text);
      }
    }
    text.append(']');
  }

  private static void literal(int codePoint, StringBuilder text) {
    boolean punctuation = codePoint > 0x20 && codePoint < 0x7f && !Character.isLetterOrDigit(codePoint);
    if (punctuation) {
      text.append('\\');
    }
    text.appendCodePoint(codePoint);
  }
}
