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

  private TextTest(MatchKind kind, String literal, Pattern glob, boolean cased) {
    this.kind = kind;
    this.literal = literal;
    this.glob = glob == null ? null : new MatchCache(subject -> glob.matcher(subject).find());
    this.cased = cased;
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
    String subject = cased ? value : value.toLowerCase(Locale.ROOT);
    return glob == null ? literal(kind, subject, literal) : glob.test(subject);
  }
}
