package dev.detectc.rule;

import dev.detectc.source.SourcePosition;
import java.util.Objects;

/** One modifier as written after a field name, with the column of its spelling. */
public record ModifierUse(Modifier modifier, SourcePosition position) {

  public ModifierUse {
    Objects.requireNonNull(modifier, "modifier");
    Objects.requireNonNull(position, "position");
  }
}
