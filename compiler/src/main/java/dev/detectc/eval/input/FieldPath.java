package dev.detectc.eval.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A field name resolved against an event. {@code id.orig_h} is looked up first as one literal
 * key (Zeek's JSON writes it so) and then as a nested path, at every split of the dots
 * ({@code a.b.c} as {@code a}→{@code b.c}, then {@code a.b}→{@code c}). Where a step meets an
 * array, the rest of the path is applied to each element and the results are gathered, so a
 * match on any element counts.
 */
public final class FieldPath {

  /** Beyond this many dots only the literal key and the plain nested path are tried (2^n splits). */
  private static final int MAX_SPLIT_DOTS = 8;

  private final String key;
  private final String[] prefixes;
  private final FieldPath[] rests;

  private FieldPath(String key, boolean allSplits) {
    // Interned, as the readers' kept keys are (FieldSelection): FewFields then finds a key by
    // identity, without comparing characters, once per matcher per event.
    this.key = key.intern();
    List<String> heads = new ArrayList<>();
    List<FieldPath> tails = new ArrayList<>();
    for (int dot = key.indexOf('.'); dot > 0 && dot < key.length() - 1; dot = key.indexOf('.', dot + 1)) {
      heads.add(key.substring(0, dot).intern());
      tails.add(new FieldPath(key.substring(dot + 1), allSplits));
      if (!allSplits) {
        break;
      }
    }
    this.prefixes = heads.toArray(new String[0]);
    this.rests = tails.toArray(new FieldPath[0]);
  }

  public static FieldPath of(String field) {
    Objects.requireNonNull(field, "field");
    long dots = field.chars().filter(c -> c == '.').count();
    return new FieldPath(field, dots <= MAX_SPLIT_DOTS);
  }

  public String name() {
    return key;
  }

  /** The field's value (possibly a JSON null), or null when the event does not have the field. */
  public JsonNode get(JsonNode event) {
    if (event.isArray()) {
      return gather(event);
    }
    if (!event.isObject()) {
      return null;
    }
    JsonNode direct = event.get(key);
    if (direct != null) {
      return direct;
    }
    for (int i = 0; i < prefixes.length; i++) {
      JsonNode child = event.get(prefixes[i]);
      if (child != null && (child.isObject() || child.isArray())) {
        JsonNode found = rests[i].get(child);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private JsonNode gather(JsonNode array) {
    ArrayNode found = null;
    for (JsonNode element : array) {
      JsonNode value = element.isObject() || element.isArray() ? get(element) : null;
      if (value != null) {
        if (found == null) {
          found = JsonNodeFactory.instance.arrayNode();
        }
        if (value.isArray()) {
          found.addAll((ArrayNode) value);
        } else {
          found.add(value);
        }
      }
    }
    return found;
  }

  @Override
  public String toString() {
    return key;
  }
}
