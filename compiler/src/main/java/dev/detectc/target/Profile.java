package dev.detectc.target;

import dev.detectc.rule.LogSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A target profile ({@code targets/<target>/profiles/<name>.yaml}): which table each Sigma log
 * source reads and which column each Sigma field is. An {@code open} profile has no tables and
 * keeps Sigma field names: it renders a bare predicate. {@code valueSets} group spellings that
 * mean the same value in some column (a DNS query type by name or number). {@code fallback}
 * names a profile whose entries follow this one's, for log sources this one does not map.
 */
public record Profile(
    String name,
    String description,
    String database,
    String timeColumn,
    boolean open,
    Map<String, List<List<String>>> valueSets,
    List<LogSourceMapping> logsources) {

  public Profile {
    Objects.requireNonNull(name, "name");
    valueSets = Map.copyOf(valueSets);
    logsources = List.copyOf(logsources);
  }

  /** The first entry that covers the rule's log source. */
  public Optional<LogSourceMapping> mapping(LogSource logsource) {
    return logsources.stream().filter(entry -> entry.matches(logsource)).findFirst();
  }

  /** The log sources this profile maps, each once, for "no mapping" messages. */
  public String describeMapped() {
    return String.join("; ", logsources.stream().map(LogSourceMapping::describe).distinct().toList());
  }

  /** The spellings in {@code set} equal to {@code value} (ignoring case unless {@code cased}), or empty. */
  public List<String> spellings(String set, String value, boolean cased) {
    for (List<String> group : valueSets.getOrDefault(set, List.of())) {
      for (String spelling : group) {
        if (cased ? spelling.equals(value) : spelling.equalsIgnoreCase(value)) {
          return group;
        }
      }
    }
    return List.of();
  }

  /** Reads {@code targets/<target>/profiles/<name>.yaml}. */
  public static Profile load(String target, String name) {
    return load(target, name, new java.util.LinkedHashSet<>());
  }

  private static Profile load(String target, String name, java.util.Set<String> chain) {
    if (!chain.add(name)) {
      throw new IllegalArgumentException("target " + target + ": profiles fall back in a circle: " + chain + " -> " + name);
    }
    DataFile file = DataFile.load("targets/" + target + "/profiles/" + name + ".yaml")
        .orElseThrow(() -> new IllegalArgumentException("target " + target + " has no profile '" + name + "'"));
    String where = file.name();
    Map<String, Object> root = file.root();
    String database = DataFile.string(where, root, "database", "");
    Map<String, List<List<String>>> valueSets = new LinkedHashMap<>();
    DataFile.section(where, root, "value_sets").forEach((set, groups) -> {
      List<List<String>> parsed = new ArrayList<>();
      for (Object group : (List<?>) groups) {
        parsed.add(((List<?>) group).stream().map(String::valueOf).toList());
      }
      valueSets.put(set, parsed);
    });
    List<LogSourceMapping> logsources = new ArrayList<>();
    Object entries = root.get("logsources");
    if (entries != null) {
      for (Object entry : (List<?>) entries) {
        logsources.add(ProfileReader.logsource(where, target, database, DataFile.stringKeys(where, entry), valueSets));
      }
    }
    // A profile may defer the log sources it does not model to another profile of the same target
    // (Splunk's CIM has no data model for Windows DNS Server or CloudTrail events, which a CIM
    // site still searches as the add-ons index them). Its own entries come first and win.
    String fallback = DataFile.string(where, root, "fallback", "");
    if (!fallback.isEmpty()) {
      logsources.addAll(load(target, fallback, chain).logsources());
    }
    return new Profile(DataFile.string(where, root, "name", null), DataFile.string(where, root, "description", ""),
        database, DataFile.string(where, root, "time_column", "TimeGenerated"),
        Boolean.parseBoolean(DataFile.string(where, root, "open", "false")), valueSets, logsources);
  }
}
