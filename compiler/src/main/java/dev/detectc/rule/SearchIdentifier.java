package dev.detectc.rule;

import dev.detectc.source.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * A named search of a detection. Its meaning is an OR over {@code alternatives}, each an AND
 * over its detection items: a map is one alternative, a list of maps several, and a keyword
 * list one alternative holding a single keyword item.
 */
public record SearchIdentifier(String name, List<List<DetectionItem>> alternatives, SourcePosition position) {

  public SearchIdentifier {
    Objects.requireNonNull(name, "name");
    alternatives = alternatives.stream().map(List::copyOf).toList();
    Objects.requireNonNull(position, "position");
  }
}
