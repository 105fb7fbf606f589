package dev.detectc.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The columns and types of one table or function output, read from the same schema files
 * ({@code targets/<target>/schemas/<name>.json}) that the Kusto checker binds queries against,
 * so the compiler and the proof agree on every type.
 */
public record TableSchema(String name, Map<String, FieldType> columns) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public TableSchema {
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** The schema of {@code name} as {@code database} declares it (a variant if the file has one). */
  public static TableSchema load(String target, String name, String database) {
    String resource = "targets/" + target + "/schemas/" + name + ".json";
    try (InputStream in = TableSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no schema file " + resource);
      }
      JsonNode root = JSON.readTree(in);
      JsonNode variant = root.path("variants").path(database);
      JsonNode list = variant.has("columns") ? variant.get("columns") : root.get("columns");
      Map<String, FieldType> columns = new LinkedHashMap<>();
      for (JsonNode column : list) {
        columns.put(column.get("name").asText(), FieldType.of(column.get("type").asText()));
      }
      return new TableSchema(name, columns);
    } catch (IOException e) {
      throw new IllegalStateException(resource + ": " + e.getMessage(), e);
    }
  }

  /** The column named {@code name}, exactly or else ignoring case. */
  public Optional<String> column(String name) {
    if (columns.containsKey(name)) {
      return Optional.of(name);
    }
    return columns.keySet().stream().filter(column -> column.equalsIgnoreCase(name)).findFirst();
  }

  public FieldType type(String column) {
    return columns.getOrDefault(column, FieldType.UNKNOWN);
  }
}
