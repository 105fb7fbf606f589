package dev.detectc.rule;

import dev.detectc.source.Located;
import dev.detectc.source.SourcePosition;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The metadata every Sigma document shares. Optional attributes the rule does not set are
 * {@code null} (scalars) or empty (lists); {@code keyPositions} remembers where each top-level
 * key was written so later phases can point at it.
 */
public record RuleInfo(
    String file,
    SourcePosition position,
    String title,
    Located<String> id,
    Located<String> name,
    String status,
    String description,
    String author,
    String license,
    String taxonomy,
    List<String> references,
    String date,
    String modified,
    List<Located<String>> tags,
    String level,
    List<String> falsepositives,
    List<String> fields,
    List<String> scope,
    List<Related> related,
    Map<String, SourcePosition> keyPositions) {

  public RuleInfo {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(position, "position");
    references = List.copyOf(references);
    tags = List.copyOf(tags);
    falsepositives = List.copyOf(falsepositives);
    fields = List.copyOf(fields);
    scope = List.copyOf(scope);
    related = List.copyOf(related);
    keyPositions = Map.copyOf(keyPositions);
  }

  /** The rule's id, or null. */
  public String idValue() {
    return id == null ? null : id.value();
  }

  /** The rule's Sigma {@code name}, or null. */
  public String nameValue() {
    return name == null ? null : name.value();
  }

  /** Where {@code key} was written, or the document start. */
  public SourcePosition positionOf(String key) {
    return keyPositions.getOrDefault(key, position);
  }

  /** A {@code related:} entry. */
  public record Related(String id, String type) {}
}
