package dev.detectc.target;

import dev.detectc.rule.LogSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One profile entry: the rules whose log source has these attributes read {@code query} (a
 * table, a function call or a table with a fixed filter), with their fields mapped by
 * {@code fields}; with {@code identity}, a field that names a column of the table maps to it.
 * {@code entities} and {@code connectors} feed Sentinel packaging.
 */
public record LogSourceMapping(
    String category,
    String product,
    String service,
    String query,
    TableSchema schema,
    boolean identity,
    Map<String, FieldMapping> fields,
    Map<String, Map<String, String>> entities,
    List<Map<String, Object>> connectors) {

  public LogSourceMapping {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(schema, "schema");
    fields = Map.copyOf(fields);
    entities = Map.copyOf(entities);
    connectors = List.copyOf(connectors);
  }

  /** True when every attribute this entry names is also the rule's (case-insensitively). */
  public boolean matches(LogSource logsource) {
    return same(category, logsource.category()) && same(product, logsource.product()) && same(service, logsource.service());
  }

  private static boolean same(String mine, String theirs) {
    return mine == null || mine.equalsIgnoreCase(theirs == null ? "" : theirs);
  }

  public String describe() {
    StringBuilder text = new StringBuilder();
    if (category != null) {
      text.append("category=").append(category);
    }
    if (product != null) {
      text.append(text.length() > 0 ? ", " : "").append("product=").append(product);
    }
    if (service != null) {
      text.append(text.length() > 0 ? ", " : "").append("service=").append(service);
    }
    return text.toString();
  }
}
