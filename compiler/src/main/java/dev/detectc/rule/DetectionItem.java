package dev.detectc.rule;

import dev.detectc.source.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * One {@code field|modifiers: values} entry of a search identifier, or a keyword entry when
 * {@code field} is null. {@code listed} records whether the values were written as a YAML list.
 */
public record DetectionItem(
    String field, List<ModifierUse> modifiers, List<SigmaValue> values, boolean listed, SourcePosition position) {

  public DetectionItem {
    modifiers = List.copyOf(modifiers);
    values = List.copyOf(values);
    Objects.requireNonNull(position, "position");
  }

  public boolean isKeyword() {
    return field == null;
  }

  public boolean has(Modifier modifier) {
    return modifiers.stream().anyMatch(use -> use.modifier() == modifier);
  }
}
