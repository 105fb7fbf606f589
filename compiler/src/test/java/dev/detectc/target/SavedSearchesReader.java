package dev.detectc.target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads savedsearches.conf back the way Splunk's configuration parser does: {@code #} comment
 * lines, {@code [stanza]} headers, {@code key = value} with blanks around {@code =} trimmed, and
 * a physical line ending in a backslash continued by the next line, the line break kept. A
 * repeated stanza or key is an error here (Splunk would silently merge it).
 */
public final class SavedSearchesReader {

  private SavedSearchesReader() {}

  public static List<SavedSearchStanza> read(String text) {
    List<SavedSearchStanza> stanzas = new ArrayList<>();
    String name = null;
    Map<String, String> settings = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]")) {
          throw new IllegalStateException("line " + (i + 1) + ": malformed stanza header " + line);
        }
        if (name != null) {
          stanzas.add(new SavedSearchStanza(name, settings));
        }
        name = line.substring(1, line.length() - 1);
        String current = name;
        if (stanzas.stream().anyMatch(stanza -> stanza.name().equals(current))) {
          throw new IllegalStateException("line " + (i + 1) + ": repeated stanza " + name);
        }
        settings = new LinkedHashMap<>();
        continue;
      }
      int equals = line.indexOf('=');
      if (name == null || equals < 0) {
        throw new IllegalStateException("line " + (i + 1) + ": not a setting inside a stanza: " + line);
      }
      String key = line.substring(0, equals).strip();
      StringBuilder value = new StringBuilder(line.substring(equals + 1).stripLeading());
      while (value.length() > 0 && value.charAt(value.length() - 1) == '\\') {
        value.setLength(value.length() - 1);
        if (++i >= lines.length) {
          throw new IllegalStateException("the file ends inside a continued value of " + key);
        }
        value.append('\n').append(lines[i]);
      }
      if (settings.put(key, value.toString().stripTrailing()) != null) {
        throw new IllegalStateException("line " + (i + 1) + ": repeated key " + key + " in [" + name + "]");
      }
    }
    if (name != null) {
      stanzas.add(new SavedSearchStanza(name, settings));
    }
    return stanzas;
  }
}
