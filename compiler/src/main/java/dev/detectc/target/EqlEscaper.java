package dev.detectc.target;

import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import dev.detectc.target.elastic.EqlText;
import java.util.Optional;

/**
 * EQL values: double-quoted strings, backquoted field names, and wildcard patterns for the
 * {@code :} and {@code like} operators. {@code :} ignores case itself, so a case-insensitive
 * operand needs no folding, only its literal wildcards escaped.
 */
public final class EqlEscaper implements Escaper {

  @Override
  public String string(String value) {
    return EqlText.string(value);
  }

  @Override
  public String identifier(String name) {
    return EqlText.field(name);
  }

  @Override
  public Optional<String> wildcard(Pattern pattern, MatchKind kind) {
    return Optional.of(EqlText.wildcard(Escaper.placed(pattern, kind)));
  }

  /** The operand of {@code :}, which ignores case but reads wildcards: a literal {@code *} or {@code ?} is escaped. */
  @Override
  public Optional<String> caseless(Pattern pattern, MatchKind kind) {
    return wildcard(pattern, kind);
  }
}
