package dev.detectc.target.elastic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detectc.rule.RuleInfo;
import dev.detectc.source.Located;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes Kibana detection-engine rules as the NDJSON that {@code POST /api/detection_engine/rules/_import}
 * takes: one JSON object per line with {@code rule_id}, {@code name}, {@code description},
 * {@code risk_score}, {@code severity}, {@code type}, {@code language}, {@code query},
 * {@code index} (not for ES|QL, whose query names its indices), {@code threshold} for threshold
 * rules and {@code threat} from the ATT&CK tags. Rules are imported disabled, for review.
 */
public final class KibanaNdjson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AttackMapping attack;

  public KibanaNdjson(AttackMapping attack) {
    this.attack = attack;
  }

  /** One line of NDJSON (without the line break) for {@code rule} compiled from {@code info}. */
  public String line(RuleInfo info, KibanaRule rule) {
    try {
      return JSON.writeValueAsString(object(info, rule));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of Jackson nodes always serializes", e);
    }
  }

  /** The rule object. */
  public ObjectNode object(RuleInfo info, KibanaRule rule) {
    ObjectNode node = JSON.createObjectNode();
    node.put("rule_id", ruleId(info));
    node.put("name", info.title() == null ? ruleId(info) : info.title());
    node.put("description", description(info));
    Level level = Level.of(info.level());
    node.put("risk_score", level.riskScore);
    node.put("severity", level.severity);
    node.put("type", rule.type().id());
    node.put("language", rule.type().language());
    node.put("query", rule.query());
    if (rule.type() != KibanaRule.Type.ESQL) {
      strings(node.putArray("index"), rule.index());
    }
    if (rule.threshold() != null) {
      node.set("threshold", threshold(rule.threshold()));
    }
    node.put("enabled", false);
    if (rule.interval() != null) {
      node.put("interval", rule.interval());
    }
    if (rule.from() != null) {
      node.put("from", rule.from());
    }
    strings(node.putArray("tags"), info.tags().stream().map(Located::value).toList());
    node.set("threat", attack.threat(info.tags().stream().map(Located::value).toList()));
    strings(node.putArray("references"), info.references());
    strings(node.putArray("false_positives"), info.falsepositives());
    if (info.author() != null) {
      strings(node.putArray("author"), Arrays.stream(info.author().split(",")).map(String::trim)
          .filter(name -> !name.isEmpty()).toList());
    }
    if (info.license() != null) {
      node.put("license", info.license());
    }
    node.put("max_signals", 100);
    node.put("version", 1);
    return node;
  }

  /** The threshold object of a threshold rule: {@code field}, {@code value} and, when counting distinct values, {@code cardinality}. */
  static ObjectNode threshold(KibanaRule.Threshold threshold) {
    ObjectNode node = JSON.createObjectNode();
    strings(node.putArray("field"), threshold.fields());
    node.put("value", threshold.value());
    threshold.cardinality().ifPresent(cardinality -> node.putArray("cardinality").addObject()
        .put("field", cardinality.field()).put("value", cardinality.value()));
    return node;
  }

  /** The threshold object as one line of JSON (for messages that show the rule). */
  public static String thresholdJson(KibanaRule.Threshold threshold) {
    return threshold(threshold).toString();
  }

  /** The Sigma id when it is a UUID; otherwise a UUID derived from the file and title, stable across runs. */
  static String ruleId(RuleInfo info) {
    String id = info.idValue();
    if (id != null && id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
      return id.toLowerCase(Locale.ROOT);
    }
    String seed = info.file() + "\n" + info.title() + "\n" + (id == null ? "" : id);
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String description(RuleInfo info) {
    String text = info.description() == null ? "" : info.description().strip();
    return text.isEmpty() ? (info.title() == null ? "Sigma rule" : info.title()) : text;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  /** Sigma levels as Kibana severities and the risk scores Elastic's own rules use for them. */
  private enum Level {
    INFORMATIONAL("low", 0),
    LOW("low", 21),
    MEDIUM("medium", 47),
    HIGH("high", 73),
    CRITICAL("critical", 99);

    private final String severity;
    private final int riskScore;

    Level(String severity, int riskScore) {
      this.severity = severity;
      this.riskScore = riskScore;
    }

    static Level of(String level) {
      if (level == null) {
        return MEDIUM;
      }
      try {
        return valueOf(level.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return MEDIUM;
      }
    }
  }
}
