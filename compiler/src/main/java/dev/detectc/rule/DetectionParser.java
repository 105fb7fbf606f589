package dev.detectc.rule;

import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.SourcePosition;
import dev.detectc.source.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a {@code detection} (or a filter's body) into search identifiers and condition strings. */
final class DetectionParser {

  /** Detection keys that are not search identifiers. */
  private static final List<String> RESERVED = List.of("condition", "timeframe");

  private final NodeReader reader;
  private final SourceText source;

  DetectionParser(NodeReader reader, SourceText source) {
    this.reader = reader;
    this.source = source;
  }

  /** Parses {@code node}; {@code skipKeys} are further keys to ignore (a filter's {@code rules}). */
  Detection parse(String key, Node node, SourcePosition keyPosition, List<String> skipKeys) {
    MappingNode mapping = reader.mapping(key, node);
    if (mapping == null) {
      return new Detection(Map.of(), List.of(), keyPosition);
    }
    Map<String, SearchIdentifier> searches = new LinkedHashMap<>();
    List<ConditionSource> conditions = new ArrayList<>();
    reader.entries(mapping).forEach((name, tuple) -> {
      if (name.equals("condition")) {
        conditions.addAll(conditions(tuple.getValueNode()));
      } else if (!RESERVED.contains(name) && !skipKeys.contains(name)) {
        searches.put(name, search(name, tuple));
      }
    });
    if (!reader.entries(mapping).containsKey("condition")) {
      reader.diagnostics().error(DiagnosticCode.MISSING_FIELD, keyPosition, "'" + key + "' has no 'condition'");
    }
    if (searches.isEmpty()) {
      reader.diagnostics().error(DiagnosticCode.EMPTY_DETECTION, keyPosition, "'" + key + "' defines no search identifier");
    }
    return new Detection(searches, conditions, keyPosition);
  }

  private List<ConditionSource> conditions(Node node) {
    List<ConditionSource> conditions = new ArrayList<>();
    if (node instanceof ScalarNode && !NodeReader.isNull(node)) {
      conditions.add(condition((ScalarNode) node));
    } else if (node instanceof SequenceNode && !((SequenceNode) node).getValue().isEmpty()) {
      for (Node item : ((SequenceNode) node).getValue()) {
        if (item instanceof ScalarNode && !NodeReader.isNull(item)) {
          conditions.add(condition((ScalarNode) item));
        } else {
          reader.diagnostics().error(DiagnosticCode.FIELD_TYPE, NodeReader.position(item), "each condition must be a string");
        }
      }
    } else {
      reader.diagnostics().error(DiagnosticCode.FIELD_TYPE, NodeReader.position(node),
          "'condition' must be a string or a list of strings");
    }
    return conditions;
  }

  ConditionSource condition(ScalarNode node) {
    return new ConditionSource(node.getValue(), NodeReader.position(node), ScalarLocator.of(node, source));
  }

  private SearchIdentifier search(String name, NodeTuple tuple) {
    Node value = tuple.getValueNode();
    SourcePosition position = NodeReader.position(tuple.getKeyNode());
    List<List<DetectionItem>> alternatives = new ArrayList<>();
    if (value instanceof MappingNode) {
      alternatives.add(items((MappingNode) value));
    } else if (value instanceof SequenceNode && !((SequenceNode) value).getValue().isEmpty()) {
      List<SigmaValue> keywords = new ArrayList<>();
      for (Node item : ((SequenceNode) value).getValue()) {
        if (item instanceof MappingNode) {
          alternatives.add(items((MappingNode) item));
        } else if (item instanceof ScalarNode) {
          SigmaValue keyword = NodeReader.value((ScalarNode) item);
          if (keyword.isNull()) {
            reader.diagnostics().error(DiagnosticCode.KEYWORD_NULL, keyword.position(),
                "null must be bound to a field; a keyword list cannot hold it");
          } else {
            keywords.add(keyword);
          }
        } else {
          reader.diagnostics().error(DiagnosticCode.INVALID_SEARCH, NodeReader.position(item),
              "search '" + name + "' nests a list inside a list");
        }
      }
      if (!keywords.isEmpty()) {
        alternatives.add(List.of(new DetectionItem(null, List.of(), keywords, true, keywords.get(0).position())));
      }
    } else if (value instanceof ScalarNode && !NodeReader.isNull(value)) {
      SigmaValue keyword = NodeReader.value((ScalarNode) value);
      alternatives.add(List.of(new DetectionItem(null, List.of(), List.of(keyword), false, keyword.position())));
    } else {
      reader.diagnostics().error(DiagnosticCode.INVALID_SEARCH, NodeReader.position(value),
          "search '" + name + "' is empty; it must be a map, a list of maps or a keyword list");
    }
    return new SearchIdentifier(name, alternatives, position);
  }

  private List<DetectionItem> items(MappingNode mapping) {
    List<DetectionItem> items = new ArrayList<>();
    if (mapping.getValue().isEmpty()) {
      reader.diagnostics().error(DiagnosticCode.INVALID_SEARCH, NodeReader.position(mapping), "an empty map matches nothing");
    }
    reader.entries(mapping).forEach((key, tuple) -> items.add(item(key, tuple)));
    return items;
  }

  private DetectionItem item(String key, NodeTuple tuple) {
    SourcePosition keyPosition = NodeReader.position(tuple.getKeyNode());
    String[] parts = key.split("\\|", -1);
    List<ModifierUse> modifiers = new ArrayList<>();
    int offset = parts[0].length() + 1;
    for (int i = 1; i < parts.length; i++) {
      SourcePosition at = keyPosition.shifted(offset + quoteShift(tuple.getKeyNode()));
      Optional<Modifier> modifier = Modifier.fromSpelling(parts[i]);
      if (modifier.isPresent()) {
        modifiers.add(new ModifierUse(modifier.get(), at));
      } else {
        reader.diagnostics().error(DiagnosticCode.UNKNOWN_MODIFIER, at,
            "unknown modifier '" + parts[i] + "' (see 'detectc list modifiers')");
      }
      offset += parts[i].length() + 1;
    }
    String field = parts[0].isEmpty() ? null : parts[0];
    return new DetectionItem(field, modifiers, values(tuple.getValueNode()), tuple.getValueNode() instanceof SequenceNode,
        keyPosition);
  }

  private static int quoteShift(Node key) {
    return key instanceof ScalarNode && ((ScalarNode) key).isPlain() ? 0 : 1;
  }

  private List<SigmaValue> values(Node node) {
    List<SigmaValue> values = new ArrayList<>();
    if (node instanceof ScalarNode) {
      values.add(NodeReader.value((ScalarNode) node));
    } else if (node instanceof SequenceNode) {
      List<Node> items = ((SequenceNode) node).getValue();
      if (items.isEmpty()) {
        // The specification treats an empty list as null.
        values.add(new SigmaValue(SigmaValue.Type.NULL, "null", NodeReader.position(node)));
      }
      for (Node item : items) {
        if (item instanceof ScalarNode) {
          SigmaValue value = NodeReader.value((ScalarNode) item);
          if (value.isNull() && items.size() > 1) {
            reader.diagnostics().error(DiagnosticCode.NULL_IN_LIST, value.position(),
                "null cannot be part of a value list; use a separate selection");
          } else {
            values.add(value);
          }
        } else {
          reader.diagnostics().error(DiagnosticCode.INVALID_SEARCH, NodeReader.position(item),
              "a value list may hold only scalars");
        }
      }
    } else {
      reader.diagnostics().error(DiagnosticCode.INVALID_SEARCH, NodeReader.position(node),
          "a field's value must be a scalar or a list of scalars, not a map");
    }
    return values;
  }
}
