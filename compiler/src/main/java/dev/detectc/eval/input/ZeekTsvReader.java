package dev.detectc.eval.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detectc.source.DiagnosticCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Zeek's ASCII (TSV) logs, typed by their own header: {@code #fields} names the columns
 * (dotted names such as {@code id.orig_h} stay one key) and {@code #types} converts them:
 * count, int and port to integers, double, interval and time to numbers, bool {@code T}/{@code F}
 * to booleans, vectors and sets to arrays split on {@code #set_separator}. The unset marker
 * ({@code -}) leaves the field out; the empty marker ({@code (empty)}) is an empty string or array.
 */
final class ZeekTsvReader implements EventReader {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final InputStream in;
  private final LineSource lines;
  private final String file;
  private final EventTime time;
  private final ReadProblems diagnostics;
  private final ZeekHeader header = new ZeekHeader();

  ZeekTsvReader(InputStream in, String file, EventTime time, ReadProblems diagnostics) {
    this.in = in;
    this.lines = new LineSource(in);
    this.file = file;
    this.time = time;
    this.diagnostics = diagnostics;
  }

  @Override
  public Event next() throws IOException {
    while (lines.next()) {
      long line = lines.lineNumber();
      if (lines.overlong()) {
        report(line, "the line is longer than " + LineSource.MAX_LINE / (1024 * 1024) + " MiB; skipped");
        continue;
      }
      if (lines.length() == 0) {
        continue;
      }
      String text = lines.text();
      if (text.startsWith("#")) {
        String problem = header.accept(text);
        if (problem != null) {
          report(line, problem);
        }
        continue;
      }
      if (!header.ready()) {
        report(line, "a Zeek data line before the #fields header; skipped");
        continue;
      }
      ObjectNode event = row(text, line);
      if (event != null) {
        return new Event(event, file, line, time.of(event));
      }
    }
    return null;
  }

  private ObjectNode row(String text, long line) {
    List<String> values = ZeekHeader.split(text, header.separator());
    List<String> names = header.fields();
    if (values.size() != names.size()) {
      report(line, "expected " + names.size() + " tab-separated columns as #fields says, found " + values.size()
          + "; line skipped");
      return null;
    }
    ObjectNode event = NODES.objectNode();
    for (int i = 0; i < names.size(); i++) {
      String raw = values.get(i);
      if (raw.equals(header.unset())) {
        continue;
      }
      String type = header.type(i);
      JsonNode value = ZeekHeader.isContainer(type) ? container(raw, ZeekHeader.elementType(type)) : scalar(raw, type);
      if (value == null) {
        report(line, "column " + names.get(i) + " holds '" + raw + "', which is not a Zeek " + type + "; line skipped");
        return null;
      }
      event.set(names.get(i), value);
    }
    return event;
  }

  private JsonNode container(String raw, String elementType) {
    ArrayNode array = NODES.arrayNode();
    if (raw.equals(header.empty())) {
      return array;
    }
    for (String element : ZeekHeader.split(raw, header.setSeparator())) {
      JsonNode value = scalar(element, elementType);
      if (value == null) {
        return null;
      }
      array.add(value);
    }
    return array;
  }

  /** One typed value, or null when the text does not fit the type. */
  private JsonNode scalar(String raw, String type) {
    try {
      switch (type) {
        case "count":
        case "int":
        case "port":
          return NODES.numberNode(Long.parseLong(raw));
        case "double":
        case "interval":
        case "time":
          return NODES.numberNode(Double.parseDouble(raw));
        case "bool":
          return raw.equals("T") ? NODES.booleanNode(true) : raw.equals("F") ? NODES.booleanNode(false) : null;
        default:
          return NODES.textNode(raw.equals(header.empty()) ? "" : ZeekHeader.unescape(raw));
      }
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void report(long line, String message) {
    diagnostics.error(DiagnosticCode.EVENT_MALFORMED, NdjsonReader.at(line), message);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
