package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.detectc.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detectc compile}: formats, per-rule errors, exit codes and per-rule output files. */
class CompileCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GOLDEN = "test-fixtures/golden/";

  @Test
  void jsonlHasOneObjectPerRuleAndExitsTwoWhenOneIsRefused() throws Exception {
    CliRun run = CliRun.of("compile", "--target", "kql", "--format", "jsonl",
        GOLDEN + "precedence/rule.yml", GOLDEN + "regex-unsupported/rule.yml");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.RULE_ERROR);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(2);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("file").asText()).endsWith("precedence/rule.yml");
    assertThat(first.get("rule_id").asText()).isEqualTo("0b7b6c1e-6d0e-4f3e-9a53-000000000001");
    assertThat(first.get("title").asText()).isEqualTo("Precedence and grouping");
    assertThat(first.get("target").asText()).isEqualTo("kql");
    assertThat(first.get("profile").asText()).isEqualTo("none");
    assertThat(first.get("query").asText()).startsWith("Image endswith @\"\\a.exe\" and (");
    assertThat(first.has("error")).isFalse();
    JsonNode second = JSON.readTree(lines.get(1));
    assertThat(second.has("query")).isFalse();
    assertThat(second.get("error").get("code").asText()).isEqualTo("unsupported-feature");
    assertThat(second.get("error").get("message").asText()).contains("lookbehind");
  }

  @Test
  void textPrintsQueriesAndExitsZeroWhenAllCompile() {
    CliRun run = CliRun.of("compile", "--target", "kql", "--profile", "sentinel-dnsevents", "--env",
        GOLDEN + "dns-zone-transfer/environment.yml", GOLDEN + "dns-zone-transfer/rule.yml");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("DnsEvents\n| where QueryType in~ (\"AXFR\", \"252\", \"IXFR\", \"251\")");
    assertThat(run.err()).contains("compiled 1 of 1 rules for kql/sentinel-dnsevents; 0 failed");
  }

  @Test
  void refusalsAreDiagnosticsWithFileLineAndColumn() {
    CliRun run = CliRun.of("compile", "--target", "kql", "--profile", "defender", GOLDEN + "dns-zone-transfer/rule.yml");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.RULE_ERROR);
    assertThat(run.err()).contains(GOLDEN + "dns-zone-transfer/rule.yml:10:1: error[unmapped-field]: profile defender maps"
        + " no column to field 'record_type'");
  }

  @Test
  void outputWritesOneWholeFilePerRule(@TempDir Path folder) throws Exception {
    CliRun run = CliRun.of("compile", "--target", "kql", "--profile", "sentinel-dnsevents", "--output", folder.toString(),
        GOLDEN + "correlation-value-count/rule.yml", GOLDEN + "correlation-temporal-chain/rule.yml");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(file -> file.getFileName().toString()).sorted().toList())
          .containsExactly("0b7b6c1e-6d0e-4f3e-9a53-00000000000d.kql", "0b7b6c1e-6d0e-4f3e-9a53-00000000000f.kql");
    }
    assertThat(Files.readString(folder.resolve("0b7b6c1e-6d0e-4f3e-9a53-00000000000d.kql")))
        .contains("| where _n >= 30\n| summarize first_time");
  }

  @Test
  void sentinelYamlIsAnAnalyticRule() throws Exception {
    CliRun run = CliRun.of("compile", "--target", "kql", "--profile", "sentinel-dnsevents", "--format", "sentinel-yaml",
        GOLDEN + "correlation-value-count/rule.yml");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode rule = new YAMLMapper().readTree(run.out());
    assertThat(rule.get("id").asText()).isEqualTo("0b7b6c1e-6d0e-4f3e-9a53-00000000000d");
    assertThat(rule.get("name").asText()).isEqualTo("Many distinct NXDOMAIN names from one source");
    assertThat(rule.get("severity").asText()).isEqualTo("Medium");
    assertThat(rule.get("queryFrequency").asText()).isEqualTo("1h");
    assertThat(rule.get("queryPeriod").asText()).isEqualTo("65m");
    assertThat(rule.get("triggerOperator").asText()).isEqualTo("gt");
    assertThat(rule.get("triggerThreshold").asInt()).isZero();
    assertThat(rule.get("tactics").get(0).asText()).isEqualTo("Reconnaissance");
    assertThat(rule.get("relevantTechniques").get(0).asText()).isEqualTo("T1596.001");
    assertThat(rule.get("requiredDataConnectors").get(0).get("connectorId").asText()).isEqualTo("DNS");
    assertThat(rule.get("entityMappings").get(0).get("entityType").asText()).isEqualTo("IP");
    assertThat(rule.get("entityMappings").get(0).get("fieldMappings").get(0).get("columnName").asText()).isEqualTo("src_ip");
    assertThat(rule.get("query").asText()).startsWith("let _events = materialize(union\n").contains("_n >= 30");
    assertThat(rule.get("kind").asText()).isEqualTo("Scheduled");
  }

  @Test
  void sentinelArmIsTheAlertRuleBody() throws Exception {
    CliRun run = CliRun.of("compile", "--target", "kql", "--profile", "sentinel-dnsevents", "--format", "sentinel-arm",
        "--env", GOLDEN + "dns-zone-transfer/environment.yml", GOLDEN + "dns-zone-transfer/rule.yml");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode body = JSON.readTree(run.out());
    assertThat(body.get("kind").asText()).isEqualTo("Scheduled");
    JsonNode properties = body.get("properties");
    assertThat(properties.get("displayName").asText()).isEqualTo("DNS zone transfer by a host that is not a secondary");
    assertThat(properties.get("queryFrequency").asText()).isEqualTo("PT1H");
    assertThat(properties.get("queryPeriod").asText()).isEqualTo("PT1H");
    assertThat(properties.get("triggerOperator").asText()).isEqualTo("GreaterThan");
    assertThat(properties.get("suppressionDuration").asText()).isEqualTo("PT5H");
    assertThat(properties.get("techniques").get(0).asText()).isEqualTo("T1596");
    assertThat(properties.get("enabled").asBoolean()).isTrue();
    assertThat(properties.get("query").asText()).startsWith("DnsEvents\n| where QueryType in~");
    assertThat(properties.get("entityMappings").findValuesAsText("entityType")).as("the profile's order, every run")
        .containsExactly("IP", "DNS", "Host");
  }

  @Test
  void badTargetsProfilesAndFormatsAreUsageErrors() {
    assertThat(CliRun.of("compile", "--target", "cobol", GOLDEN + "lists/rule.yml").exitCode()).isEqualTo(ExitCodes.USAGE);
    CliRun profile = CliRun.of("compile", "--target", "kql", "--profile", "splunk", GOLDEN + "lists/rule.yml");
    assertThat(profile.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(profile.err()).contains("no profile 'splunk'");
    assertThat(CliRun.of("compile", "--target", "test", "--format", "sentinel-yaml", GOLDEN + "lists/rule.yml").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void listShowsTargetsAndProfiles() {
    assertThat(CliRun.of("list", "targets").out()).contains("kql ").contains("test ");
    assertThat(CliRun.of("list", "profiles").out()).contains("sentinel-dnsevents").contains("defender");
  }
}
