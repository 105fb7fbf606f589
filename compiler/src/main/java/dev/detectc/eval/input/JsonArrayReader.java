package dev.detectc.eval.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.source.DiagnosticCode;
import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON array of event objects, streamed element by element; each event's line is where its
 * object starts. A syntax error cannot be stepped over inside one JSON document, so it is
 * reported and ends the file (events before it are kept); a non-object element is skipped.
 */
final class JsonArrayReader implements EventReader {

  private final JsonParser parser;
  private final String file;
  private final EventTime time;
  private final ReadProblems diagnostics;
  private boolean started;
  private boolean done;

  JsonArrayReader(InputStream in, String file, EventTime time, ReadProblems diagnostics) throws IOException {
    this.parser = EventJson.MAPPER.getFactory().createParser(in);
    this.file = file;
    this.time = time;
    this.diagnostics = diagnostics;
  }

  @Override
  public Event next() throws IOException {
    try {
      while (!done) {
        if (!started) {
          started = true;
          if (parser.nextToken() != JsonToken.START_ARRAY) {
            return stop(1, "expected a JSON array of events");
          }
        }
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
          if (parser.nextToken() != null) {
            stop(parser.currentTokenLocation().getLineNr(), "unexpected content after the array of events");
          }
          done = true;
          return null;
        }
        if (token == null) {
          return stop(parser.currentLocation().getLineNr(), "the array of events is not closed");
        }
        long line = parser.currentTokenLocation().getLineNr();
        JsonNode node = EventJson.ELEMENT.readValue(parser);
        if (node != null && node.isObject()) {
          return new Event(node, file, line, time.of(node));
        }
        diagnostics.error(DiagnosticCode.EVENT_MALFORMED, NdjsonReader.at(line),
            "an event must be a JSON object, not " + (node == null ? "nothing" : EventJson.kind(node)) + "; skipped");
      }
      return null;
    } catch (JsonProcessingException e) {
      diagnostics.error(DiagnosticCode.EVENT_MALFORMED, EventJson.position(e.getLocation() == null ? 1
          : e.getLocation().getLineNr(), e), "not valid JSON: " + EventJson.describe(e) + "; the rest of the file is skipped");
      done = true;
      return null;
    }
  }

  private Event stop(long line, String message) {
    diagnostics.error(DiagnosticCode.EVENT_MALFORMED, NdjsonReader.at(Math.max(1, line)), message);
    done = true;
    return null;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
