package dev.detectc.target;

import dev.detectc.ir.IrDocument;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One document compiled for one target and profile: the query, or the refusal saying why the
 * target cannot express it; warnings where the query only approximates the rule; and what
 * packaging needs (entity columns of the output, the correlation window).
 */
public record CompileResult(
    IrDocument document,
    Optional<String> query,
    Optional<Refusal> refusal,
    List<Refusal> warnings,
    Map<String, Map<String, String>> entities,
    List<Map<String, Object>> connectors,
    Duration window) {

  public CompileResult {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(refusal, "refusal");
    warnings = List.copyOf(warnings);
    entities = Map.copyOf(entities);
    connectors = List.copyOf(connectors);
    Objects.requireNonNull(window, "window");
    if (query.isPresent() == refusal.isPresent()) {
      throw new IllegalArgumentException("a result has either a query or a refusal");
    }
  }

  public static CompileResult refused(IrDocument document, Refusal refusal) {
    return new CompileResult(document, Optional.empty(), Optional.of(refusal), List.of(), Map.of(), List.of(),
        Duration.ZERO);
  }

  public boolean ok() {
    return query.isPresent();
  }
}
