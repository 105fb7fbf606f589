package dev.detectc.target;

import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import dev.detectc.target.elastic.EsqlText;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * ES|QL values: double-quoted strings, backquoted field names, {@code LIKE} patterns and time
 * spans ({@code 5 minutes}). ES|QL compares keyword text case-sensitively, so a value that must
 * match ignoring case is written lowercased (root locale), for templates that lowercase the field
 * with {@code TO_LOWER} the same way.
 */
public final class EsqlEscaper implements Escaper {

  @Override
  public String string(String value) {
    return EsqlText.string(value);
  }

  @Override
  public String identifier(String name) {
    return EsqlText.field(name);
  }

  @Override
  public Optional<String> wildcard(Pattern pattern, MatchKind kind) {
    return Optional.of(EsqlText.like(Escaper.placed(pattern, kind)));
  }

  @Override
  public Optional<String> caseless(Pattern pattern, MatchKind kind) {
    Pattern lower = pattern.mapLiterals(text -> text.toLowerCase(Locale.ROOT));
    if (kind == MatchKind.EQUALS && lower.isPlain()) {
      return Optional.of(string(lower.plainText()));
    }
    return Optional.of(EsqlText.like(Escaper.placed(lower, kind)));
  }

  @Override
  public String duration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 86400 == 0) {
      return unit(seconds / 86400, "day");
    }
    if (seconds % 3600 == 0) {
      return unit(seconds / 3600, "hour");
    }
    return seconds % 60 == 0 ? unit(seconds / 60, "minute") : unit(seconds, "second");
  }

  private static String unit(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
