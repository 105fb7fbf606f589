package dev.detectc.target;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes savedsearches.conf as Splunk reads it: {@code [stanza]} headers, {@code key = value}
 * lines, and values that span lines continued by a backslash at the end of each line but the
 * last (Splunk joins them, keeping the line breaks). What the format cannot carry is made safe
 * here: stanza names lose brackets and line breaks and are made unique (a repeated stanza would
 * merge into the first), a value line that itself ends in a backslash gets a trailing space so
 * it is not read as a continuation, and control characters become spaces.
 */
public final class SavedSearchesWriter {

  private SavedSearchesWriter() {}

  public static String write(String header, List<SavedSearchStanza> stanzas) {
    StringBuilder out = new StringBuilder();
    for (String line : header.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.append("# ").append(oneLine(line)).append('\n');
      }
    }
    Set<String> used = new HashSet<>();
    for (SavedSearchStanza stanza : stanzas) {
      out.append('\n').append('[').append(uniqueName(stanza.name(), used)).append("]\n");
      for (Map.Entry<String, String> setting : stanza.settings().entrySet()) {
        if (!setting.getKey().matches("[A-Za-z0-9_.]+")) {
          throw new IllegalArgumentException("not a savedsearches.conf key: " + setting.getKey());
        }
        out.append(setting.getKey()).append(" = ").append(value(setting.getValue())).append('\n');
      }
    }
    return out.toString();
  }

  /** A value with every line break turned into Splunk's continuation (backslash, newline). */
  static String value(String value) {
    String[] lines = value.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = clean(lines[i]);
      boolean last = i == lines.length - 1;
      if (line.endsWith("\\")) {
        // A value's own trailing backslash would otherwise join the next line (or the next key).
        line = line + " ";
      }
      text.append(line);
      if (!last) {
        text.append("\\\n");
      }
    }
    // Splunk trims the blanks after '='; a trailing space after a final backslash must stay.
    return text.toString().stripLeading();
  }

  /**
   * A stanza name as this writer writes it, before it is made unique: one line, without brackets
   * (a {@code ]} would end the header), never empty.
   */
  public static String stanzaName(String name) {
    String base = oneLine(name).replace('[', '(').replace(']', ')').strip();
    return base.isEmpty() ? "detectc rule" : base;
  }

  private static String uniqueName(String name, Set<String> used) {
    String base = stanzaName(name);
    String candidate = base;
    for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = base + " (" + n + ")";
    }
    return candidate;
  }

  private static String oneLine(String text) {
    return clean(text.replaceAll("[\\r\\n]+", " "));
  }

  private static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(SplEscaper.mustNotAppearRaw(c) ? ' ' : c);
    }
    return out.toString();
  }
}
