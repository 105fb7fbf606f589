package dev.detectc.eval.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.detectc.source.SourcePosition;

/** The JSON settings every reader shares, and how a JSON syntax error is described. */
final class EventJson {

  /** Trailing tokens fail, so a line holding two objects is reported rather than half-read. */
  static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Reads a whole line; a prebuilt reader spares the per-call type lookup ObjectMapper.readTree does. */
  static final ObjectReader LINE = MAPPER.readerFor(JsonNode.class);

  /** Reads one element of a stream (a JSON array), where the next element is not an error. */
  static final ObjectReader ELEMENT = MAPPER.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private EventJson() {}

  /** A one-line description of a Jackson error, without Jackson's source excerpt. */
  static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    return first.length() > 200 ? first.substring(0, 200) + "..." : first;
  }

  /** Where the error is, on {@code line} (a reader's own line number), at Jackson's column. */
  static SourcePosition position(long line, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    int column = location == null ? 1 : Math.max(1, location.getColumnNr());
    return new SourcePosition((int) Math.min(line, Integer.MAX_VALUE), column);
  }

  static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
