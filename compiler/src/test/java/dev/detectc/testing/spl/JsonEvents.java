package dev.detectc.testing.spl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON events as Splunk's JSON field extraction presents them: nested keys joined with dots,
 * arrays as multivalue fields (this interpreter names them without Splunk's {@code {}} suffix,
 * as the rules do), JSON nulls not extracted, and the line itself as {@code _raw}.
 */
public final class JsonEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonEvents() {}

  /** One event from a JSON line with its time (seconds since the epoch) given by the caller. */
  public static Row event(String line, BigDecimal time, String file, long number) {
    try {
      return event(JSON.readTree(line), line, time, file, number);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One event from parsed JSON, with the raw text it was read from. */
  public static Row event(JsonNode json, String raw, BigDecimal time, String file, long number) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    flatten("", json, fields);
    return Row.event(fields, raw, time, file, number);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, List<String>> fields) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), fields);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        flatten(prefix, element, fields);
      }
    } else if (!node.isNull()) {
      fields.computeIfAbsent(prefix, key -> new ArrayList<>()).add(node.asText());
    }
  }
}
