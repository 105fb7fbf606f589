package dev.detectc.target;

import dev.detectc.rule.LogSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The mapping of an open profile, for targets that query indices rather than tables (the Elastic
 * ones): per log source, the index patterns to search and the Sigma fields renamed
 * ({@code Image: process.executable}), with an optional prefix for the fields a source leaves
 * unmapped ({@code winlog.event_data.}); and the types of the target fields that are not plain
 * text (numbers, IP addresses), so numbers compare the way the index stores them. Read from the
 * profile's {@code indices:}, {@code fields:} and {@code types:} sections; first match wins.
 */
public final class OpenMapping {

  /** One {@code indices:} or {@code fields:} entry: the log-source attributes it matches and what it says. */
  public record Entry(Map<String, String> match, List<String> index, Map<String, String> fields, String prefix) {
    public Entry {
      match = Map.copyOf(match);
      index = List.copyOf(index);
      fields = Map.copyOf(fields);
    }

    boolean matches(LogSource logsource) {
      return same("category", logsource.category()) && same("product", logsource.product())
          && same("service", logsource.service());
    }

    private boolean same(String key, String value) {
      String mine = match.get(key);
      return mine == null || mine.equalsIgnoreCase(value == null ? "" : value);
    }
  }

  private final List<Entry> entries;
  private final Map<String, FieldType> types;
  /** Answers already worked out: every rule of a log source asks about the same few fields. */
  private final Map<String, String> renames = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, FieldType> typeCache = new java.util.concurrent.ConcurrentHashMap<>();

  public OpenMapping(List<Entry> entries, Map<String, FieldType> types) {
    this.entries = List.copyOf(entries);
    this.types = Map.copyOf(types);
  }

  public List<Entry> entries() {
    return entries;
  }

  public Map<String, FieldType> types() {
    return types;
  }

  /** True for a profile without any of the sections (a table profile, or KQL's none). */
  public boolean isEmpty() {
    return entries.isEmpty() && types.isEmpty();
  }

  /** The index patterns for the rule's log source (the first entry naming any). */
  public List<String> indices(LogSource logsource) {
    return entries.stream().filter(entry -> !entry.index().isEmpty() && entry.matches(logsource)).findFirst()
        .map(Entry::index).orElse(List.of("*"));
  }

  /** The target field for a Sigma field of this log source; dotted names are already target paths. */
  public String rename(LogSource logsource, String sigma) {
    String key = logsource.category() + "\u0000" + logsource.product() + "\u0000" + logsource.service() + "\u0000" + sigma;
    return renames.computeIfAbsent(key, k -> renamed(logsource, sigma));
  }

  private String renamed(LogSource logsource, String sigma) {
    for (Entry entry : entries) {
      if (entry.matches(logsource) && entry.fields().containsKey(sigma)) {
        return entry.fields().get(sigma);
      }
    }
    if (!sigma.contains(".")) {
      for (Entry entry : entries) {
        if (entry.prefix() != null && entry.matches(logsource)) {
          return entry.prefix() + sigma;
        }
      }
    }
    return sigma;
  }

  /** The declared type of a target field ({@code prefix.*} entries cover a whole object), else UNKNOWN. */
  public FieldType type(String field) {
    return typeCache.computeIfAbsent(field, this::declaredType);
  }

  private FieldType declaredType(String field) {
    FieldType exact = types.get(field);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, FieldType> entry : types.entrySet()) {
      String key = entry.getKey();
      if (key.endsWith(".*") && field.startsWith(key.substring(0, key.length() - 1))) {
        return entry.getValue();
      }
    }
    return FieldType.UNKNOWN;
  }

  /** Reads the open-profile sections of {@code targets/<target>/profiles/<name>.yaml}; empty when it has none. */
  static OpenMapping load(String target, String name) {
    DataFile file = DataFile.load("targets/" + target + "/profiles/" + name + ".yaml")
        .orElseThrow(() -> new IllegalArgumentException("target " + target + " has no profile '" + name + "'"));
    String where = file.name();
    List<Entry> entries = new ArrayList<>();
    for (String section : List.of("indices", "fields")) {
      Object list = file.root().get(section);
      for (Object item : list == null ? List.of() : (List<?>) list) {
        Map<String, Object> entry = DataFile.stringKeys(where + "." + section, item);
        entries.add(new Entry(DataFile.strings(where, entry, "match"), DataFile.list(where, entry, "index"),
            DataFile.strings(where, entry, "map"), (String) entry.get("prefix")));
      }
    }
    Map<String, FieldType> types = new LinkedHashMap<>();
    DataFile.section(where, file.root(), "types").forEach((type, fields) -> {
      FieldType fieldType = elasticType(where, type);
      for (Object field : (List<?>) fields) {
        types.put(String.valueOf(field), fieldType);
      }
    });
    return new OpenMapping(entries, types);
  }

  /** Elasticsearch field types as the renderer's types: IP addresses take no casts, like untyped fields. */
  private static FieldType elasticType(String where, String type) {
    switch (type.toLowerCase(Locale.ROOT)) {
      case "keyword":
      case "wildcard":
        return FieldType.STRING;
      case "long":
      case "integer":
      case "double":
        return FieldType.NUMBER;
      case "boolean":
        return FieldType.BOOL;
      case "date":
        return FieldType.DATETIME;
      case "ip":
        return FieldType.UNKNOWN;
      default:
        throw new IllegalStateException(where + ": unknown field type '" + Objects.requireNonNull(type) + "'");
    }
  }
}
