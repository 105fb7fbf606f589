package dev.detectc.target;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import dev.detectc.target.elastic.CaseFolding;
import dev.detectc.target.elastic.WildcardText;
import java.util.Optional;

/**
 * Query DSL values: every string (values, field names used as object keys, patterns) is a JSON
 * string literal written by Jackson's encoder. A case-insensitive match is a parameter object
 * with {@code case_insensitive: true} (only when the value holds a cased letter, since numeric
 * and ip fields refuse the flag); its value is the plain text for {@code term} and
 * {@code prefix}, and a wildcard pattern (literal {@code * ? \} escaped) for {@code wildcard}.
 */
public final class DslEscaper implements Escaper {

  @Override
  public String string(String value) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
  }

  @Override
  public String identifier(String name) {
    return string(name);
  }

  @Override
  public Optional<String> wildcard(Pattern pattern, MatchKind kind) {
    return Optional.of(string(WildcardText.of(Escaper.placed(pattern, kind))));
  }

  @Override
  public Optional<String> caseless(Pattern pattern, MatchKind kind) {
    String value;
    if (pattern.isPlain() && (kind == MatchKind.EQUALS || kind == MatchKind.STARTS_WITH)) {
      value = string(pattern.plainText());
    } else {
      value = string(WildcardText.of(Escaper.placed(pattern, kind)));
    }
    boolean cased = pattern.parts().stream().anyMatch(part -> part.isLiteral() && CaseFolding.hasCased(part.text()));
    return Optional.of("{\"value\":" + value + (cased ? ",\"case_insensitive\":true}" : "}"));
  }
}
