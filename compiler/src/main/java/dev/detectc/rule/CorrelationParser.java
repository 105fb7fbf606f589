package dev.detectc.rule;

import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Located;
import dev.detectc.source.SourcePosition;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads the {@code correlation} block of a correlation rule. */
final class CorrelationParser {

  private static final Pattern TIMESPAN = Pattern.compile("([0-9]+)([smhdwMy])");

  private final NodeReader reader;
  private final DetectionParser detectionParser;

  CorrelationParser(NodeReader reader, DetectionParser detectionParser) {
    this.reader = reader;
    this.detectionParser = detectionParser;
  }

  /**
   * Parses the {@code correlation} block. {@code generate} may sit inside it (as pySigma reads
   * it) or at the top level (as the 2.0 schema places it); {@code topLevelGenerate} is the latter.
   */
  CorrelationRule parse(RuleInfo info, NodeTuple tuple, NodeTuple topLevelGenerate) {
    SourcePosition position = NodeReader.position(tuple.getKeyNode());
    MappingNode mapping = reader.mapping("correlation", tuple.getValueNode());
    if (mapping == null) {
      return null;
    }
    Map<String, NodeTuple> entries = reader.entries(mapping);
    CorrelationType type = type(entries, position);
    List<Located<String>> rules = entries.containsKey("rules")
        ? reader.stringList("rules", entries.get("rules").getValueNode(), true) : List.of();
    if (rules.isEmpty()) {
      reader.diagnostics().error(DiagnosticCode.MISSING_FIELD,
          entries.containsKey("rules") ? NodeReader.position(entries.get("rules").getValueNode()) : position,
          "a correlation needs 'rules': the ids or names of the rules it correlates");
    }
    List<String> groupBy = entries.containsKey("group-by")
        ? reader.plainStrings("group-by", entries.get("group-by").getValueNode(), true) : List.of();
    String timespanText = null;
    Duration timespan = Duration.ZERO;
    if (entries.containsKey("timespan")) {
      Node node = entries.get("timespan").getValueNode();
      timespanText = reader.string("timespan", node);
      timespan = timespan(timespanText, NodeReader.position(node));
    } else {
      reader.diagnostics().error(DiagnosticCode.MISSING_FIELD, position, "a correlation needs a 'timespan' such as 5m");
    }
    boolean generate = false;
    NodeTuple generateTuple = entries.containsKey("generate") ? entries.get("generate") : topLevelGenerate;
    if (generateTuple != null) {
      SigmaValue value = NodeReader.value(asScalar(generateTuple.getValueNode()));
      if (value.type() != SigmaValue.Type.BOOLEAN) {
        reader.diagnostics().error(DiagnosticCode.FIELD_TYPE, value.position(), "'generate' must be true or false");
      }
      generate = value.text().equals("true");
    }
    ConditionParts condition = condition(type, entries, position);
    if (type == null) {
      return null;
    }
    return new CorrelationRule(info, type, rules, groupBy, timespan, timespanText, condition.thresholds, condition.fields,
        condition.percentile, aliases(entries), generate, condition.extended, position);
  }

  private CorrelationType type(Map<String, NodeTuple> entries, SourcePosition position) {
    NodeTuple tuple = entries.get("type");
    if (tuple == null) {
      reader.diagnostics().error(DiagnosticCode.MISSING_FIELD, position, "a correlation needs a 'type'");
      return null;
    }
    String text = reader.string("type", tuple.getValueNode());
    Optional<CorrelationType> type = text == null ? Optional.empty() : CorrelationType.fromId(text);
    if (type.isEmpty() && text != null) {
      reader.diagnostics().error(DiagnosticCode.CORRELATION_TYPE, NodeReader.position(tuple.getValueNode()),
          "unknown correlation type '" + text + "'; expected event_count, value_count, temporal, temporal_ordered,"
              + " value_sum, value_avg or value_percentile");
    }
    return type.orElse(null);
  }

  private Duration timespan(String text, SourcePosition position) {
    Matcher matcher = text == null ? null : TIMESPAN.matcher(text);
    if (matcher == null || !matcher.matches()) {
      reader.diagnostics().error(DiagnosticCode.CORRELATION_TIMESPAN, position,
          "timespan '" + text + "' must be a number and a unit (s, m, h, d, w, M, y), e.g. 5m");
      return Duration.ZERO;
    }
    long amount = Long.parseLong(matcher.group(1));
    Duration unit;
    switch (matcher.group(2)) {
      case "s": unit = Duration.ofSeconds(1); break;
      case "m": unit = Duration.ofMinutes(1); break;
      case "h": unit = Duration.ofHours(1); break;
      case "d": unit = Duration.ofDays(1); break;
      case "w": unit = Duration.ofDays(7); break;
      case "M": unit = Duration.ofSeconds(2_629_746); break; // an average Gregorian month
      default: unit = Duration.ofSeconds(31_556_952); break; // an average Gregorian year
    }
    if (amount == 0) {
      reader.diagnostics().error(DiagnosticCode.CORRELATION_TIMESPAN, position, "timespan must be longer than zero");
    }
    return unit.multipliedBy(amount);
  }

  /** The parts of {@code condition}: thresholds, aggregated fields, percentile, or an extended expression. */
  private static final class ConditionParts {
    final List<CorrelationRule.Threshold> thresholds = new ArrayList<>();
    final List<String> fields = new ArrayList<>();
    BigDecimal percentile;
    ConditionSource extended;
  }

  private ConditionParts condition(CorrelationType type, Map<String, NodeTuple> entries, SourcePosition position) {
    ConditionParts parts = new ConditionParts();
    NodeTuple tuple = entries.get("condition");
    boolean temporal = type != null && type.isTemporal();
    if (tuple == null) {
      if (type != null && !temporal) {
        reader.diagnostics().error(DiagnosticCode.MISSING_FIELD, position, "a " + type.id() + " correlation needs a 'condition'");
      }
      return parts;
    }
    Node node = tuple.getValueNode();
    if (node instanceof ScalarNode && !NodeReader.isNull(node)) {
      if (type != null && !temporal) {
        reader.diagnostics().error(DiagnosticCode.CORRELATION_CONDITION, NodeReader.position(node),
            "a rule-name condition is only allowed for temporal correlations; " + type.id() + " needs a map such as {gte: 10}");
      }
      parts.extended = detectionParser.condition((ScalarNode) node);
      return parts;
    }
    MappingNode mapping = reader.mapping("condition", node);
    if (mapping == null) {
      return parts;
    }
    reader.entries(mapping).forEach((key, entry) -> {
      Node value = entry.getValueNode();
      if (key.equals("field")) {
        parts.fields.addAll(reader.plainStrings("condition.field", value, true));
      } else if (key.equals("percentile")) {
        parts.percentile = number(key, value);
      } else {
        Optional<ComparisonOp> op = ComparisonOp.fromId(key);
        BigDecimal bound = number(key, value);
        if (op.isEmpty()) {
          reader.diagnostics().error(DiagnosticCode.CORRELATION_CONDITION, NodeReader.position(entry.getKeyNode()),
              "unknown condition key '" + key + "'; expected gt, gte, lt, lte, eq, neq, field or percentile");
        } else if (bound != null) {
          parts.thresholds.add(new CorrelationRule.Threshold(op.get(), bound));
        }
      }
    });
    if (parts.thresholds.isEmpty() && type != null && !temporal) {
      reader.diagnostics().error(DiagnosticCode.CORRELATION_CONDITION, NodeReader.position(mapping),
          "the condition needs a comparison: one of gt, gte, lt, lte, eq or neq");
    }
    if (type != null && type.needsField() && parts.fields.isEmpty()) {
      reader.diagnostics().error(DiagnosticCode.CORRELATION_FIELD, NodeReader.position(mapping),
          "a " + type.id() + " correlation needs 'field' in its condition");
    }
    if (parts.percentile != null && (parts.percentile.signum() < 0 || parts.percentile.compareTo(BigDecimal.valueOf(100)) > 0)) {
      reader.diagnostics().error(DiagnosticCode.CORRELATION_CONDITION, NodeReader.position(mapping),
          "percentile must lie between 0 and 100");
    }
    return parts;
  }

  private BigDecimal number(String key, Node node) {
    SigmaValue value = NodeReader.value(asScalar(node));
    if (!value.isNumber()) {
      reader.diagnostics().error(DiagnosticCode.CORRELATION_CONDITION, NodeReader.position(node),
          "'" + key + "' must be a number, not " + value);
      return null;
    }
    return new BigDecimal(value.text());
  }

  private Map<String, Map<String, String>> aliases(Map<String, NodeTuple> entries) {
    Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
    NodeTuple tuple = entries.get("aliases");
    if (tuple == null) {
      return aliases;
    }
    if (!(tuple.getValueNode() instanceof MappingNode)) {
      reader.diagnostics().error(DiagnosticCode.CORRELATION_ALIAS, NodeReader.position(tuple.getValueNode()),
          "'aliases' must map each alias to {rule name: field}");
      return aliases;
    }
    reader.entries((MappingNode) tuple.getValueNode()).forEach((alias, entry) -> {
      if (!(entry.getValueNode() instanceof MappingNode)) {
        reader.diagnostics().error(DiagnosticCode.CORRELATION_ALIAS, NodeReader.position(entry.getValueNode()),
            "alias '" + alias + "' must map rule names to field names");
        return;
      }
      Map<String, String> byRule = new LinkedHashMap<>();
      reader.entries((MappingNode) entry.getValueNode()).forEach((rule, field) -> {
        String name = reader.string("aliases." + alias + "." + rule, field.getValueNode());
        if (name != null) {
          byRule.put(rule, name);
        }
      });
      aliases.put(alias, byRule);
    });
    return aliases;
  }

  private static ScalarNode asScalar(Node node) {
    if (node instanceof ScalarNode) {
      return (ScalarNode) node;
    }
    return new ScalarNode(org.yaml.snakeyaml.nodes.Tag.STR, "(" + node.getNodeId() + ")", node.getStartMark(),
        node.getEndMark(), org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN);
  }
}
