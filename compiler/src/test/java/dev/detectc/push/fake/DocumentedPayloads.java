package dev.detectc.push.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detectc.ir.IrDocument;
import dev.detectc.ir.IrPrinter;
import dev.detectc.push.DesiredRule;
import dev.detectc.push.PushPayloads;
import dev.detectc.push.Siem;
import dev.detectc.rule.RuleInfo;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Diagnostics;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rule bodies in the shapes the three APIs document (reference §1.5, §2.5, §3.4), built from a
 * rule's metadata. The query is the rule's IR dump: these tests are about shipping bodies, not
 * about query text, which the targets' own packaging writers produce in real use.
 */
public final class DocumentedPayloads implements PushPayloads {

  private final Siem siem;
  private final Set<String> refused;

  private DocumentedPayloads(Siem siem, Set<String> refused) {
    this.siem = siem;
    this.refused = Set.copyOf(refused);
  }

  public static DocumentedPayloads of(Siem siem) {
    return new DocumentedPayloads(siem, Set.of());
  }

  /** The same, but the target "cannot express" the rules with these ids (a per-rule refusal). */
  public DocumentedPayloads refusing(String... ruleIds) {
    return new DocumentedPayloads(siem, Set.of(ruleIds));
  }

  @Override
  public Siem siem() {
    return siem;
  }

  @Override
  public Optional<DesiredRule> desiredState(IrDocument document, Diagnostics diagnostics) {
    RuleInfo info = document.info();
    if (refused.contains(info.idValue())) {
      diagnostics.error(DiagnosticCode.INVALID_REGEX, info.positionOf("detection"),
          "the target cannot express this rule's regular expression");
      return Optional.empty();
    }
    String query = IrPrinter.print(document);
    String level = Objects.toString(info.level(), "medium");
    switch (siem) {
      case KIBANA:
        return Optional.of(new DesiredRule(info.idValue(), info.title(), info.file(), info.idValue(), kibana(info, level, query)));
      case SPLUNK:
        String name = splunkName(info);
        return Optional.of(new DesiredRule(info.idValue(), info.title(), info.file(), name, splunk(info, name, level, query)));
      default:
        return Optional.of(new DesiredRule(info.idValue(), info.title(), info.file(), info.idValue(), sentinel(info, level, query)));
    }
  }

  public static String splunkName(RuleInfo info) {
    return "detectc - " + info.title();
  }

  private static ObjectNode kibana(RuleInfo info, String level, String query) {
    ObjectNode body = FakeKibana.JSON.createObjectNode();
    body.put("rule_id", info.idValue());
    body.put("name", info.title());
    body.put("description", Objects.toString(info.description(), info.title()));
    body.put("risk_score", byLevel(level, 21, 47, 73, 99));
    body.put("severity", level.equals("informational") ? "low" : level);
    body.put("type", "query");
    body.put("language", "lucene");
    body.put("query", query);
    body.putArray("index").add("logs-*");
    info.tags().forEach(tag -> body.withArray("tags").add(tag.value()));
    info.references().forEach(reference -> body.withArray("references").add(reference));
    return body;
  }

  private static ObjectNode splunk(RuleInfo info, String name, String level, String query) {
    ObjectNode body = FakeKibana.JSON.createObjectNode();
    body.put("name", name);
    body.put("search", query);
    body.put("description", Objects.toString(info.description(), info.title()));
    body.put("cron_schedule", "*/5 * * * *");
    body.put("is_scheduled", "1");
    body.put("dispatch.earliest_time", "-5m@m");
    body.put("dispatch.latest_time", "now");
    body.put("alert.severity", String.valueOf(byLevel(level, 3, 4, 5, 6)));
    body.put("alert_type", "number of events");
    body.put("alert_comparator", "greater than");
    body.put("alert_threshold", "0");
    body.put("disabled", "0");
    return body;
  }

  private static ObjectNode sentinel(RuleInfo info, String level, String query) {
    ObjectNode body = FakeKibana.JSON.createObjectNode();
    body.put("kind", "Scheduled");
    ObjectNode properties = body.putObject("properties");
    properties.put("displayName", info.title());
    properties.put("description", Objects.toString(info.description(), info.title()));
    properties.put("severity", byLevel(level, "Low", "Medium", "High", "High"));
    properties.put("enabled", true);
    properties.put("query", query);
    properties.put("queryFrequency", "PT5M");
    properties.put("queryPeriod", "PT5M");
    properties.put("triggerOperator", "GreaterThan");
    properties.put("triggerThreshold", 0);
    properties.put("suppressionDuration", "PT1H");
    properties.put("suppressionEnabled", false);
    properties.putArray("tactics").add("Reconnaissance");
    properties.putArray("techniques").add("T1596");
    properties.putObject("eventGroupingSettings").put("aggregationKind", "AlertPerResult");
    return body;
  }

  private static <T> T byLevel(String level, T low, T medium, T high, T critical) {
    switch (level.toLowerCase(Locale.ROOT)) {
      case "informational":
      case "low":
        return low;
      case "high":
        return high;
      case "critical":
        return critical;
      default:
        return medium;
    }
  }
}
