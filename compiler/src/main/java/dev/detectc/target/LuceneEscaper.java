package dev.detectc.target;

import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import dev.detectc.target.elastic.CaseFolding;
import dev.detectc.target.elastic.LuceneQueryText;
import dev.detectc.target.elastic.LuceneRegex;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Values for the Lucene query string. Terms are backslash-escaped, never quoted, so wildcards
 * stay usable; keyword fields compare case-sensitively, so a value that must match ignoring case
 * and holds a cased letter becomes a regular expression of letter classes ({@code /[Aa][Xx].../}),
 * and one without cased letters stays a plain term or wildcard term. Negative numbers get their
 * minus escaped, which the grammar would read as an operator.
 */
public final class LuceneEscaper implements Escaper {

  @Override
  public String string(String value) {
    return LuceneQueryText.term(value);
  }

  @Override
  public String identifier(String name) {
    return LuceneQueryText.field(name);
  }

  @Override
  public String number(BigDecimal value) {
    String text = Escaper.super.number(value);
    return text.startsWith("-") ? "\\" + text : text;
  }

  @Override
  public Optional<String> wildcard(Pattern pattern, MatchKind kind) {
    return Optional.of(LuceneQueryText.wildcard(Escaper.placed(pattern, kind)));
  }

  @Override
  public Optional<String> caseless(Pattern pattern, MatchKind kind) {
    boolean cased = pattern.parts().stream().anyMatch(part -> part.isLiteral() && CaseFolding.hasCased(part.text()));
    if (cased) {
      return Optional.of(LuceneQueryText.regex(LuceneRegex.caseInsensitive(kind, pattern)));
    }
    Pattern full = Escaper.placed(pattern, kind);
    return Optional.of(full.isPlain() ? string(full.plainText()) : LuceneQueryText.wildcard(full));
  }

  @Override
  public String regex(String expression) {
    return LuceneQueryText.regex(expression);
  }
}
