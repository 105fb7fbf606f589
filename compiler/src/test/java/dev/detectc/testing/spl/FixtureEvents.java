package dev.detectc.testing.spl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.eval.input.EventTime;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixture logs as Splunk would index them: NDJSON lines (nested keys joined with dots) and Zeek
 * TSV logs (by their {@code #fields} header, sets and vectors as multivalue fields), each line its
 * own {@code _raw}, and JSON arrays of events (the raw text of each object), with {@code _time}
 * taken from the event's timestamp field as Splunk's timestamp extraction would be configured
 * for the source.
 */
public final class FixtureEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FixtureEvents() {}

  public static List<Row> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (!lines.isEmpty() && lines.get(0).startsWith("#separator")) {
      return zeek(file, lines);
    }
    return !lines.isEmpty() && lines.get(0).strip().startsWith("[") ? array(file, Files.readString(file)) : ndjson(file, lines);
  }

  /** A JSON array of events; each event's line is where its object starts, its raw text the object. */
  private static List<Row> array(Path file, String text) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (com.fasterxml.jackson.core.JsonParser parser = JSON.getFactory().createParser(text)) {
      if (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
        throw new IOException(file + ": not a JSON array");
      }
      while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        int line = parser.currentTokenLocation().getLineNr();
        int start = (int) parser.currentTokenLocation().getCharOffset();
        JsonNode json = JSON.readTree(parser);
        int end = (int) parser.currentTokenLocation().getCharOffset() + 1;
        rows.add(JsonEvents.event(json, text.substring(start, end), time(json, file, line), file.toString(), line));
      }
    }
    return rows;
  }

  private static List<Row> ndjson(Path file, List<String> lines) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode json = JSON.readTree(lines.get(i));
      rows.add(JsonEvents.event(json, lines.get(i), time(json, file, i + 1), file.toString(), i + 1));
    }
    return rows;
  }

  private static List<Row> zeek(Path file, List<String> lines) {
    List<String> fields = List.of();
    String unset = "-";
    String empty = "(empty)";
    String setSeparator = ",";
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#")) {
        String[] header = line.split("\t");
        switch (header[0]) {
          case "#fields":
            fields = Arrays.asList(header).subList(1, header.length);
            break;
          case "#unset_field":
            unset = header[1];
            break;
          case "#empty_field":
            empty = header[1];
            break;
          case "#set_separator":
            setSeparator = header[1];
            break;
          default:
            break;
        }
        continue;
      }
      String[] values = line.split("\t", -1);
      Map<String, List<String>> event = new LinkedHashMap<>();
      for (int f = 0; f < fields.size() && f < values.length; f++) {
        String value = values[f];
        if (value.equals(unset)) {
          continue;
        }
        event.put(fields.get(f), value.equals(empty) ? List.of() : Arrays.asList(value.split(java.util.regex.Pattern.quote(setSeparator), -1)));
      }
      event.values().removeIf(List::isEmpty);
      BigDecimal time = new BigDecimal(event.get("ts").get(0));
      rows.add(Row.event(event, line, time, file.toString(), i + 1));
    }
    return rows;
  }

  /**
   * The event time in seconds since the epoch, read as the evaluator reads it (the same fields,
   * in the same order), so both see the same timeline; 0 when there is none (only correlations
   * look at time, and Splunk would use the time of indexing).
   */
  private static BigDecimal time(JsonNode json, Path file, int line) {
    long micros = EventTime.defaults().of(json);
    return micros == EventTime.NONE ? BigDecimal.ZERO : BigDecimal.valueOf(micros, 6);
  }
}
