package dev.detectc.rule;

import dev.detectc.source.SourcePosition;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A condition string as written, plus a map from character offsets inside it to source
 * positions, so that condition errors point at the column inside the YAML scalar.
 */
public record ConditionSource(String text, SourcePosition position, IntFunction<SourcePosition> locator) {

  public ConditionSource {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(locator, "locator");
  }

  /** Where the character at {@code offset} of the condition text stands in the file. */
  public SourcePosition positionAt(int offset) {
    return locator.apply(offset);
  }
}
