package dev.detectc.eval;

import com.google.re2j.Pattern;
import dev.detectc.ir.MatchKind;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A compiled Sigma string comparison. Case-insensitive tests compare the value lowercased
 * with {@link Locale#ROOT} against a pattern lowercased once here; a pattern with inner
 * wildcards becomes an RE2 expression of quoted literals ({@code ?} = one character,
 * {@code *} = any run, newlines included).
 */
final class TextTest implements Predicate<String> {

  private final MatchKind kind;
  private final String literal;
  private final MatchCache glob;
  private final boolean cased;
  /** The literal is all ASCII (see {@link #asciiFolded} on what that allows). */
  private final boolean literalAscii;

  private TextTest(MatchKind kind, String literal, Pattern glob, boolean cased) {
    this.kind = kind;
    this.literal = literal;
    this.glob = glob == null ? null : new MatchCache(subject -> glob.matcher(subject).find());
    this.cased = cased;
    this.literalAscii = literal != null && ascii(literal, 0, literal.length());
  }

  static TextTest of(MatchKind kind, dev.detectc.ir.Pattern pattern, boolean cased) {
    if (pattern.isPlain()) {
      String text = pattern.plainText();
      return new TextTest(kind, cased ? text : text.toLowerCase(Locale.ROOT), null, cased);
    }
    StringBuilder regex = new StringBuilder(kind.anchoredStart() ? "\\A" : "");
    regex.append(pattern.toRegexBody(text -> Pattern.quote(cased ? text : text.toLowerCase(Locale.ROOT))));
    regex.append(kind.anchoredEnd() ? "\\z" : "");
    return new TextTest(kind, null, Pattern.compile(regex.toString(), Pattern.DOTALL), cased);
  }

  /** A literal comparison (no wildcards), as field references use. */
  static boolean literal(MatchKind kind, String value, String literal) {
    switch (kind) {
      case CONTAINS:
        return value.contains(literal);
      case STARTS_WITH:
        return value.startsWith(literal);
      case ENDS_WITH:
        return value.endsWith(literal);
      default:
        return value.equals(literal);
    }
  }

  @Override
  public boolean test(String value) {
    if (!cased && glob == null) {
      int ascii = asciiFolded(kind, value, literal, literalAscii);
      if (ascii >= 0) {
        return ascii == 1;
      }
    }
    String subject = cased ? value : value.toLowerCase(Locale.ROOT);
    return glob == null ? literal(kind, subject, literal) : glob.test(subject);
  }

  /**
   * {@link #literal} on the value lowercased, for an ASCII value without making the lowercase
   * copy (log values are mostly ASCII, and most tests fail): 1 or 0, or -1 when a non-ASCII char
   * matters, whose lowercasing (which can change the length) is left to {@link String}. Only A-Z
   * fold, exactly as {@link Locale#ROOT} folds them.
   *
   * <p>A prefix or suffix test needs only its end of the value to be ASCII: ASCII chars lowercase
   * to one ASCII char each whatever surrounds them, so the lowercased value starts (ends) with
   * exactly the lowercased first (last) chars, however the rest changes.
   *
   * <p>{@code literalAscii} says whether {@code literal} is all ASCII.
   */
  static int asciiFolded(MatchKind kind, String value, String literal, boolean literalAscii) {
    int length = value.length();
    int wanted = literal.length();
    if (kind == MatchKind.EQUALS && wanted != length && literalAscii) {
      // Lowercasing keeps a string's length except for U+0130, which becomes "i" and a combining
      // dot, not ASCII: a value of another length never lowercases to an ASCII literal, whatever
      // its chars. Most equality tests fail on length, so they need no scan of the value.
      return 0;
    }
    if ((kind == MatchKind.STARTS_WITH || kind == MatchKind.ENDS_WITH) && wanted <= length) {
      int from = kind == MatchKind.STARTS_WITH ? 0 : length - wanted;
      return ascii(value, from, from + wanted) ? (foldedAt(value, from, literal) ? 1 : 0) : -1;
    }
    if (!ascii(value, 0, length)) {
      return -1;
    }
    switch (kind) {
      case CONTAINS:
        for (int from = 0; from <= length - wanted; from++) {
          if (foldedAt(value, from, literal)) {
            return 1;
          }
        }
        return 0;
      case STARTS_WITH:
        return wanted <= length && foldedAt(value, 0, literal) ? 1 : 0;
      case ENDS_WITH:
        return wanted <= length && foldedAt(value, length - wanted, literal) ? 1 : 0;
      default:
        return wanted == length && foldedAt(value, 0, literal) ? 1 : 0;
    }
  }

  private static boolean ascii(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      if (value.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean foldedAt(String value, int from, String literal) {
    for (int i = 0; i < literal.length(); i++) {
      char c = value.charAt(from + i);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != literal.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
