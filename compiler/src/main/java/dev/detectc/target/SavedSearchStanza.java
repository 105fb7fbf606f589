package dev.detectc.target;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One {@code [name]} stanza of savedsearches.conf: its settings in the order they are written. */
public record SavedSearchStanza(String name, Map<String, String> settings) {

  public SavedSearchStanza {
    Objects.requireNonNull(name, "name");
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }
}
