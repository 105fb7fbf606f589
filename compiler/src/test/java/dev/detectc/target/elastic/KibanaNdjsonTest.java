package dev.detectc.target.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.ir.IrDocument;
import dev.detectc.ir.RuleSetBuilder;
import dev.detectc.rule.Environment;
import dev.detectc.rule.RuleLoader;
import dev.detectc.rule.RuleInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kibana import objects: required attributes, types, threat mapping, and JSON that round-trips. */
class KibanaNdjsonTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final KibanaNdjson WRITER = new KibanaNdjson(AttackMapping.load());

  static RuleInfo info(String file) throws Exception {
    var loaded = new RuleLoader().load(Path.of("rules/det0877/" + file));
    List<IrDocument> documents = new RuleSetBuilder(Environment.UNBOUND).build(List.of(loaded)).emitted();
    return documents.get(0).info();
  }

  @Test
  void queryRuleCarriesWhatKibanaRequires() throws Exception {
    RuleInfo info = info("dns_zone_transfer_unapproved_host.yml");
    String line = WRITER.line(info, new KibanaRule(KibanaRule.Type.QUERY, "record_type:AXFR", List.of("logs-*"), null,
        null, null));
    assertThat(line).doesNotContain("\n");
    JsonNode rule = JSON.readTree(line);
    assertThat(rule.get("rule_id").asText()).isEqualTo("4f5bd6d4-d8c9-4740-91c6-e32632c900bd");
    assertThat(rule.get("name").asText()).isEqualTo(info.title());
    assertThat(rule.get("description").asText()).startsWith("A full (AXFR) or incremental (IXFR) zone transfer");
    assertThat(rule.get("risk_score").asInt()).isEqualTo(47);
    assertThat(rule.get("severity").asText()).isEqualTo("medium");
    assertThat(rule.get("type").asText()).isEqualTo("query");
    assertThat(rule.get("language").asText()).isEqualTo("lucene");
    assertThat(rule.get("query").asText()).isEqualTo("record_type:AXFR");
    assertThat(rule.get("index")).hasSize(1);
    assertThat(rule.get("enabled").asBoolean()).isFalse();
    JsonNode threat = rule.get("threat").get(0);
    assertThat(threat.get("framework").asText()).isEqualTo("MITRE ATT&CK");
    assertThat(threat.at("/tactic/id").asText()).isEqualTo("TA0043");
    assertThat(threat.at("/tactic/reference").asText()).isEqualTo("https://attack.mitre.org/tactics/TA0043/");
    assertThat(threat.at("/technique/0/id").asText()).isEqualTo("T1596");
    assertThat(threat.at("/technique/0/name").asText()).isEqualTo("Search Open Technical Databases");
    assertThat(threat.at("/technique/0/subtechnique/0/id").asText()).isEqualTo("T1596.001");
    assertThat(threat.at("/technique/0/subtechnique/0/reference").asText())
        .isEqualTo("https://attack.mitre.org/techniques/T1596/001/");
    assertThat(JSON.writeValueAsString(rule)).isEqualTo(line);
  }

  @Test
  void esqlRulesNameTheirIndicesInTheQueryAndThresholdRulesCarryTheThreshold() throws Exception {
    RuleInfo info = info("proc_creation_dns_enumeration_tool.yml");
    JsonNode esql = JSON.readTree(WRITER.line(info, new KibanaRule(KibanaRule.Type.ESQL, "FROM logs-* | WHERE true",
        List.of("logs-*"), null, null, null)));
    assertThat(esql.has("index")).isFalse();
    assertThat(esql.get("language").asText()).isEqualTo("esql");
    assertThat(esql.get("severity").asText()).isEqualTo("high");
    assertThat(esql.get("risk_score").asInt()).isEqualTo(73);
    JsonNode threshold = JSON.readTree(WRITER.line(info, new KibanaRule(KibanaRule.Type.THRESHOLD, "a:b",
        List.of("logs-*"), new KibanaRule.Threshold(List.of("source.ip"), 10), "5m", "now-5m")));
    assertThat(threshold.at("/threshold/field/0").asText()).isEqualTo("source.ip");
    assertThat(threshold.at("/threshold/value").asLong()).isEqualTo(10);
    assertThat(threshold.get("interval").asText()).isEqualTo("5m");
  }

  @Test
  void valueCountThresholdsCarryOneCardinalityEntryAndKibanasLimitsHold() throws Exception {
    RuleInfo info = info("dns_subdomain_enumeration.yml");
    KibanaRule.Threshold threshold = new KibanaRule.Threshold(List.of("source.ip"), 1,
        new KibanaRule.Cardinality("dns.question.name", 50));
    JsonNode rule = JSON.readTree(WRITER.line(info, new KibanaRule(KibanaRule.Type.THRESHOLD, "a:b", List.of("logs-*"),
        threshold, "5m", "now-5m")));
    assertThat(rule.get("threshold")).isEqualTo(JSON.readTree(
        "{\"field\":[\"source.ip\"],\"value\":1,\"cardinality\":[{\"field\":\"dns.question.name\",\"value\":50}]}"));
    assertThat(KibanaNdjson.thresholdJson(threshold)).isEqualTo(JSON.writeValueAsString(rule.get("threshold")));
    assertThat(JSON.readTree(KibanaNdjson.thresholdJson(new KibanaRule.Threshold(List.of(), 5))).has("cardinality"))
        .isFalse();
    assertThatThrownBy(() -> new KibanaRule.Threshold(List.of("a", "b", "c", "d"), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KibanaRule.Threshold(List.of("a"), 1, new KibanaRule.Cardinality("a", 2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KibanaRule.Threshold(List.of("a"), 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void techniquesWithoutTacticAreLeftOutAndUnknownNamesFallBackToTheId() {
    assertThat(AttackMapping.load().threat(List.of("attack.t1596.001"))).isEmpty();
    JsonNode threat = AttackMapping.load().threat(List.of("attack.execution", "attack.t9999", "cve.2021-1"));
    assertThat(threat).hasSize(1);
    assertThat(threat.at("/0/technique/0/name").asText()).isEqualTo("T9999");
  }
}
