package dev.detectc.rule;

import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Diagnostics;
import dev.detectc.source.Located;
import dev.detectc.source.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reads from composed YAML nodes (rules, environments, fixture suites). A value of the
 * wrong type is reported as {@code field-type} at the value's position and read as absent, so
 * loading goes on.
 */
public final class NodeReader {

  private final Diagnostics diagnostics;

  public NodeReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /** The entries of a mapping node by key, in written order; non-scalar keys are reported. */
  public Map<String, NodeTuple> entries(MappingNode mapping) {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode) {
        entries.putIfAbsent(((ScalarNode) tuple.getKeyNode()).getValue(), tuple);
      } else {
        diagnostics.error(DiagnosticCode.FIELD_TYPE, YamlComposer.position(tuple.getKeyNode()),
            "mapping keys must be plain strings");
      }
    }
    return entries;
  }

  public static SourcePosition position(Node node) {
    return YamlComposer.position(node);
  }

  public static boolean isNull(Node node) {
    return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
  }

  /** A scalar's text, or null (reported) when the node is a list or map. */
  public String string(String key, Node node) {
    if (node instanceof ScalarNode && !isNull(node)) {
      return ((ScalarNode) node).getValue();
    }
    if (!isNull(node)) {
      diagnostics.error(DiagnosticCode.FIELD_TYPE, position(node), "'" + key + "' must be a string");
    }
    return null;
  }

  Located<String> locatedString(String key, Node node) {
    String value = string(key, node);
    return value == null ? null : new Located<>(value, position(node));
  }

  /** A list of strings; a single scalar is accepted as a one-item list where Sigma allows it. */
  public List<Located<String>> stringList(String key, Node node, boolean scalarAllowed) {
    List<Located<String>> values = new ArrayList<>();
    if (node instanceof SequenceNode) {
      for (Node item : ((SequenceNode) node).getValue()) {
        if (item instanceof ScalarNode && !isNull(item)) {
          values.add(new Located<>(((ScalarNode) item).getValue(), position(item)));
        } else {
          diagnostics.error(DiagnosticCode.FIELD_TYPE, position(item), "items of '" + key + "' must be strings");
        }
      }
    } else if (scalarAllowed && node instanceof ScalarNode && !isNull(node)) {
      values.add(new Located<>(((ScalarNode) node).getValue(), position(node)));
    } else if (!isNull(node)) {
      diagnostics.error(DiagnosticCode.FIELD_TYPE, position(node), "'" + key + "' must be a list of strings");
    }
    return values;
  }

  List<String> plainStrings(String key, Node node, boolean scalarAllowed) {
    return stringList(key, node, scalarAllowed).stream().map(Located::value).toList();
  }

  public MappingNode mapping(String key, Node node) {
    if (node instanceof MappingNode) {
      return (MappingNode) node;
    }
    diagnostics.error(DiagnosticCode.FIELD_TYPE, position(node), "'" + key + "' must be a mapping");
    return null;
  }

  /** The typed scalar value of a detection item, following YAML's own type resolution. */
  public static SigmaValue value(ScalarNode node) {
    Tag tag = node.getTag();
    String text = node.getValue();
    SigmaValue.Type type;
    if (tag.equals(Tag.NULL)) {
      type = SigmaValue.Type.NULL;
    } else if (tag.equals(Tag.BOOL)) {
      type = SigmaValue.Type.BOOLEAN;
      text = String.valueOf(isTrue(text));
    } else if (tag.equals(Tag.INT) && text.matches("[-+]?[0-9]+")) {
      type = SigmaValue.Type.INTEGER;
      text = new java.math.BigInteger(text).toString();
    } else if (tag.equals(Tag.FLOAT) && text.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
      type = SigmaValue.Type.FLOAT;
    } else {
      // Quoted scalars, and numbers in forms YAML 1.1 allows but Sigma never means (0x1F, 1_000), stay text.
      type = SigmaValue.Type.STRING;
    }
    return new SigmaValue(type, text, position(node));
  }

  private static boolean isTrue(String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    return lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y");
  }
}
