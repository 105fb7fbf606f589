package dev.detectc.eval.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Parses one JSON object keeping only the selected top-level keys. Skipped values are still
 * tokenised (so syntax errors are found) but never decoded or built. Kept values become the
 * same node types {@code readTree} makes, so matchers cannot tell the difference.
 */
final class PrunedObject {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PrunedObject() {}

  /** True when the first non-blank byte opens an object; anything else takes the full path for its error message. */
  static boolean startsObject(byte[] buffer, int start, int length) {
    for (int i = start; i < start + length; i++) {
      byte b = buffer[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return b == '{';
      }
    }
    return false;
  }

  static JsonNode read(byte[] buffer, int start, int length, FieldSelection selection) throws IOException {
    try (JsonParser parser = EventJson.MAPPER.getFactory().createParser(buffer, start, length)) {
      parser.nextToken();
      ObjectNode object = NODES.objectNode();
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (selection.keeps(name)) {
          object.set(name, node(parser, value));
        } else {
          parser.skipChildren();
        }
      }
      if (token != JsonToken.END_OBJECT) {
        throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected " + token + " in an object");
      }
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw new com.fasterxml.jackson.core.JsonParseException(parser,
            "Trailing token (of type " + trailing + ") found after value");
      }
      return object;
    }
  }

  private static JsonNode node(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return parser.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
            ? NODES.numberNode(parser.getDecimalValue()) : NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        return EventJson.ELEMENT.readTree(parser);
    }
  }
}
