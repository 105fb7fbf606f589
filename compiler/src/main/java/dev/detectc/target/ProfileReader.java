package dev.detectc.target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses one {@code logsources:} entry of a profile, checking every column against the table's schema. */
final class ProfileReader {

  private ProfileReader() {}

  static LogSourceMapping logsource(String where, String target, String database, Map<String, Object> entry,
      Map<String, List<List<String>>> valueSets) {
    Map<String, Object> match = DataFile.section(where, entry, "match");
    String table = DataFile.string(where, entry, "table", null);
    String context = where + " (" + table + ")";
    TableSchema schema = TableSchema.load(target, table, database);
    Map<String, FieldMapping> fields = new LinkedHashMap<>();
    DataFile.section(where, entry, "fields").forEach((sigma, value) ->
        fields.put(sigma, field(context + " field " + sigma, schema, value, valueSets)));
    Map<String, Map<String, String>> entities = new LinkedHashMap<>();
    DataFile.section(where, entry, "entities").forEach((type, identifiers) ->
        entities.put(type, DataFile.strings(context, Map.of("e", identifiers), "e")));
    List<Map<String, Object>> connectors = ((List<?>) entry.getOrDefault("connectors", List.of())).stream()
        .map(connector -> DataFile.stringKeys(context, connector)).toList();
    return new LogSourceMapping(
        (String) match.get("category"), (String) match.get("product"), (String) match.get("service"),
        DataFile.string(where, entry, "query", table), schema,
        Boolean.parseBoolean(DataFile.string(where, entry, "identity", "false")), fields, entities, connectors);
  }

  private static FieldMapping field(String where, TableSchema schema, Object value,
      Map<String, List<List<String>>> valueSets) {
    if (!(value instanceof Map)) {
      return column(where, schema, String.valueOf(value), null);
    }
    Map<String, Object> spec = DataFile.stringKeys(where, value);
    String set = (String) spec.get("values");
    if (set != null && !valueSets.containsKey(set)) {
      throw new IllegalStateException(where + ": unknown value set '" + set + "'");
    }
    if (spec.containsKey("expression")) {
      return new FieldMapping(null, DataFile.string(where, spec, "expression", null),
          FieldType.of(DataFile.string(where, spec, "type", "string")), null, set);
    }
    FieldMapping number = spec.containsKey("number_column")
        ? column(where, schema, DataFile.string(where, spec, "number_column", null), null) : null;
    FieldMapping base = column(where, schema, DataFile.string(where, spec, "column", null), set);
    return new FieldMapping(base.column(), null, base.type(), number, set);
  }

  private static FieldMapping column(String where, TableSchema schema, String column, String set) {
    if (!schema.columns().containsKey(column)) {
      throw new IllegalStateException(where + ": column '" + column + "' is not in " + schema.name());
    }
    return new FieldMapping(column, null, schema.type(column), null, set);
  }
}
