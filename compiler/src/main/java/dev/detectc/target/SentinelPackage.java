package dev.detectc.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detectc.rule.RuleInfo;
import dev.detectc.source.Located;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A compiled KQL rule as a Microsoft Sentinel scheduled analytic rule: the YAML of the
 * Azure-Sentinel repository ({@link #analyticRule}) and the REST/ARM body of
 * {@code Microsoft.SecurityInsights/alertRules} ({@link #alertRule}), built as Jackson trees.
 * Rules run hourly; a correlation looks back one hour plus its window, so a window that
 * straddles two runs is still seen whole.
 */
public final class SentinelPackage {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration FREQUENCY = Duration.ofHours(1);

  private SentinelPackage() {}

  /** The analytic-rule YAML document (as a tree; write it with a YAML mapper). */
  public static ObjectNode analyticRule(CompiledRule rule) {
    RuleInfo info = rule.info();
    CompileResult result = rule.result().orElseThrow();
    ObjectNode node = JSON.createObjectNode();
    node.put("id", ruleId(rule));
    node.put("name", limit(info.title(), 256));
    node.put("description", limit(description(info), 5000));
    node.put("severity", severity(info.level()));
    ArrayNode connectors = node.putArray("requiredDataConnectors");
    result.connectors().forEach(connector -> connectors.add(JSON.valueToTree(connector)));
    node.put("queryFrequency", shortDuration(FREQUENCY));
    node.put("queryPeriod", shortDuration(FREQUENCY.plus(result.window())));
    node.put("triggerOperator", "gt");
    node.put("triggerThreshold", 0);
    List<String> tags = tags(info);
    AttackTags.tactics(tags).forEach(node.putArray("tactics")::add);
    AttackTags.techniques(tags).forEach(node.putArray("relevantTechniques")::add);
    node.put("query", result.query().orElseThrow());
    if (!result.entities().isEmpty()) {
      node.set("entityMappings", entityMappings(result.entities()));
    }
    node.put("version", "1.0.0");
    node.put("kind", "Scheduled");
    return node;
  }

  /** The body of {@code PUT .../alertRules/{id}} (kind Scheduled, ISO-8601 durations). */
  public static ObjectNode alertRule(CompiledRule rule) {
    RuleInfo info = rule.info();
    CompileResult result = rule.result().orElseThrow();
    ObjectNode body = JSON.createObjectNode();
    body.put("kind", "Scheduled");
    ObjectNode properties = body.putObject("properties");
    properties.put("displayName", limit(info.title(), 256));
    properties.put("description", limit(description(info), 5000));
    properties.put("severity", severity(info.level()));
    properties.put("enabled", true);
    properties.put("query", result.query().orElseThrow());
    properties.put("queryFrequency", FREQUENCY.toString());
    properties.put("queryPeriod", FREQUENCY.plus(result.window()).toString());
    properties.put("triggerOperator", "GreaterThan");
    properties.put("triggerThreshold", 0);
    properties.put("suppressionDuration", "PT5H");
    properties.put("suppressionEnabled", false);
    List<String> tags = tags(info);
    AttackTags.tactics(tags).forEach(properties.putArray("tactics")::add);
    ArrayNode techniques = properties.putArray("techniques");
    AttackTags.techniques(tags).stream().map(t -> t.replaceAll("\\..*", "")).distinct().forEach(techniques::add);
    if (!result.entities().isEmpty()) {
      properties.set("entityMappings", entityMappings(result.entities()));
    }
    properties.putObject("eventGroupingSettings").put("aggregationKind", "AlertPerResult");
    return body;
  }

  /** The rule's id when it is a UUID, else a stable UUID derived from its file and title. */
  public static String ruleId(CompiledRule rule) {
    String id = rule.info().idValue();
    if (id != null && id.matches("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
      return id.toLowerCase(Locale.ROOT);
    }
    return UUID.nameUUIDFromBytes((rule.file() + "\n" + rule.info().title()).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static ArrayNode entityMappings(Map<String, Map<String, String>> entities) {
    ArrayNode mappings = JSON.createArrayNode();
    entities.entrySet().stream().limit(5).forEach(entity -> {
      ObjectNode mapping = mappings.addObject();
      mapping.put("entityType", entity.getKey());
      ArrayNode fields = mapping.putArray("fieldMappings");
      entity.getValue().entrySet().stream().limit(3).forEach(field ->
          fields.addObject().put("identifier", field.getKey()).put("columnName", field.getValue()));
    });
    return mappings;
  }

  private static List<String> tags(RuleInfo info) {
    return info.tags().stream().map(Located::value).toList();
  }

  private static String description(RuleInfo info) {
    return info.description() == null || info.description().isBlank() ? info.title() : info.description().strip();
  }

  private static String severity(String level) {
    if (level == null) {
      return "Medium";
    }
    switch (level.toLowerCase(Locale.ROOT)) {
      case "informational":
        return "Informational";
      case "low":
        return "Low";
      case "high":
      case "critical":
        return "High";
      default:
        return "Medium";
    }
  }

  /** Sentinel's YAML durations: 65m, 2h, 1d. */
  private static String shortDuration(Duration duration) {
    long minutes = Math.max(5, (duration.toSeconds() + 59) / 60);
    if (minutes % 1440 == 0) {
      return minutes / 1440 + "d";
    }
    return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
  }

  private static String limit(String text, int max) {
    String value = text == null ? "" : text;
    return value.length() <= max ? value : value.substring(0, max);
  }
}
