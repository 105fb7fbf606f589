package dev.detectc.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Deep merge of YAML mappings for Sigma v1 rule collections. Works on nodes, not Java maps,
 * so every merged value still points at the line where it was written.
 */
final class CollectionMerge {

  private CollectionMerge() {}

  /** {@code base} overlaid with {@code overlay}: nested maps merge, other values from the overlay win. */
  static MappingNode merge(MappingNode base, MappingNode overlay) {
    Map<String, NodeTuple> merged = new LinkedHashMap<>();
    List<NodeTuple> unnamed = new ArrayList<>();
    for (NodeTuple tuple : base.getValue()) {
      put(merged, unnamed, tuple);
    }
    for (NodeTuple tuple : overlay.getValue()) {
      String key = keyOf(tuple);
      NodeTuple existing = key == null ? null : merged.get(key);
      if (existing != null && existing.getValueNode() instanceof MappingNode
          && tuple.getValueNode() instanceof MappingNode) {
        merged.put(key, new NodeTuple(tuple.getKeyNode(),
            merge((MappingNode) existing.getValueNode(), (MappingNode) tuple.getValueNode())));
      } else {
        put(merged, unnamed, tuple);
      }
    }
    List<NodeTuple> tuples = new ArrayList<>(merged.values());
    tuples.addAll(unnamed);
    return new MappingNode(overlay.getTag(), true, tuples, overlay.getStartMark(), overlay.getEndMark(),
        overlay.getFlowStyle());
  }

  static MappingNode without(MappingNode mapping, String key) {
    List<NodeTuple> tuples = new ArrayList<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!key.equals(keyOf(tuple))) {
        tuples.add(tuple);
      }
    }
    return new MappingNode(mapping.getTag(), true, tuples, mapping.getStartMark(), mapping.getEndMark(),
        mapping.getFlowStyle());
  }

  private static void put(Map<String, NodeTuple> merged, List<NodeTuple> unnamed, NodeTuple tuple) {
    String key = keyOf(tuple);
    if (key == null) {
      unnamed.add(tuple);
    } else {
      merged.put(key, tuple);
    }
  }

  private static String keyOf(NodeTuple tuple) {
    return tuple.getKeyNode() instanceof ScalarNode ? ((ScalarNode) tuple.getKeyNode()).getValue() : null;
  }
}
