package dev.detectc.rule;

import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Located;
import dev.detectc.source.SourcePosition;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a meta filter: its {@code filter} block holds {@code rules} plus a detection. */
final class FilterParser {

  private final NodeReader reader;
  private final DetectionParser detectionParser;

  FilterParser(NodeReader reader, DetectionParser detectionParser) {
    this.reader = reader;
    this.detectionParser = detectionParser;
  }

  FilterRule parse(RuleInfo info, LogSource logsource, NodeTuple tuple) {
    SourcePosition position = NodeReader.position(tuple.getKeyNode());
    MappingNode mapping = reader.mapping("filter", tuple.getValueNode());
    if (mapping == null) {
      return null;
    }
    Map<String, NodeTuple> entries = reader.entries(mapping);
    boolean any = false;
    List<Located<String>> rules = List.of();
    NodeTuple rulesTuple = entries.get("rules");
    if (rulesTuple == null) {
      reader.diagnostics().error(DiagnosticCode.FILTER_RULES, position,
          "a filter needs 'rules': rule ids or names, or 'any'");
    } else {
      Node node = rulesTuple.getValueNode();
      if (node instanceof ScalarNode && "any".equals(((ScalarNode) node).getValue())) {
        any = true;
      } else {
        rules = reader.stringList("filter.rules", node, true);
        // The filter specification treats an empty list like 'any'.
        any = rules.isEmpty() && !NodeReader.isNull(node);
        if (NodeReader.isNull(node)) {
          reader.diagnostics().error(DiagnosticCode.FILTER_RULES, NodeReader.position(node),
              "'rules' is empty; write 'any' to apply the filter to every rule of its log source");
        }
      }
    }
    Detection detection = detectionParser.parse("filter", mapping, position, List.of("rules"));
    return new FilterRule(info, logsource, any, rules, detection);
  }
}
