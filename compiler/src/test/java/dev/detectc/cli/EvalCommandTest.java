package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

  private static final String EDGE = "test-fixtures/edge/";

  @TempDir
  Path folder;

  private static List<JsonNode> lines(String out) throws Exception {
    ObjectMapper json = new ObjectMapper();
    return out.lines().map(line -> {
      try {
        return json.readTree(line);
      } catch (Exception e) {
        throw new AssertionError(line, e);
      }
    }).toList();
  }

  @Test
  void jsonlCarriesTheDocumentedFieldsForRulesAndCorrelations() throws Exception {
    CliRun run = CliRun.of("eval", EDGE + "rules/nxdomain_burst.yml", EDGE + "rules/windash.yml",
        "--events", EDGE + "events/burst_straddle.ndjson", EDGE + "events/windash.ndjson", "--format", "jsonl");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
    List<JsonNode> alerts = lines(run.out());
    assertThat(alerts).hasSize(6);
    JsonNode single = alerts.stream().filter(a -> a.get("name").asText().equals("edge_windash")).findFirst().orElseThrow();
    assertThat(fieldNames(single)).containsExactly("rule_id", "name", "title", "level", "file", "line");
    assertThat(single.get("level").asText()).isEqualTo("medium");
    JsonNode burst = alerts.stream().filter(a -> a.get("name").asText().equals("edge_nxdomain_burst")).findFirst().orElseThrow();
    assertThat(fieldNames(burst)).containsExactly("rule_id", "name", "title", "level", "file", "line", "group", "lines",
        "first_time", "last_time", "value");
    assertThat(burst.get("file").asText()).isEqualTo(EDGE + "events/burst_straddle.ndjson");
    assertThat(burst.get("line").asInt()).isEqualTo(9);
    assertThat(burst.get("group").toString()).isEqualTo("{\"id.orig_h\":\"198.51.100.7\"}");
    assertThat(burst.get("lines").toString()).isEqualTo("[1,3,5,7,9]");
    assertThat(burst.get("first_time").asText()).isEqualTo("2024-05-01T10:00:40Z");
    assertThat(burst.get("last_time").asText()).isEqualTo("2024-05-01T10:01:05Z");
    assertThat(burst.get("value").asInt()).isEqualTo(5);
    assertThat(run.err()).contains("evaluated 18 events from 2 file(s) with 2 rule(s) and 1 correlation(s): 6 alert(s)");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void textFormatIsOneReadableLinePerAlert() {
    CliRun run = CliRun.of("eval", EDGE + "rules/nxdomain_burst.yml", "--events", EDGE + "events/burst_twice.ndjson");
    assertThat(run.out().lines()).containsExactly(
        EDGE + "events/burst_twice.ndjson:5: medium edge_nxdomain_burst (Edge - five NXDOMAIN answers to one source within"
            + " a minute) group {id.orig_h=203.0.113.9} value 5 from 2024-05-01T10:00:00.250Z to 2024-05-01T10:00:12.250Z"
            + " events 5",
        EDGE + "events/burst_twice.ndjson:17: medium edge_nxdomain_burst (Edge - five NXDOMAIN answers to one source"
            + " within a minute) group {id.orig_h=203.0.113.9} value 5 from 2024-05-01T10:05:00.500Z to"
            + " 2024-05-01T10:05:08.500Z events 5");
  }

  @Test
  void unresolvedPlaceholdersAndBadLinesExitTwoButOtherRulesStillRun() throws Exception {
    Path events = folder.resolve("e.ndjson");
    Files.writeString(events, "{\"qtype_name\": \"AXFR\", \"id.orig_h\": \"203.0.113.7\", "
        + "\"CommandLine\": \"dnscmd /enumzones\"}\n{broken\n");
    CliRun run = CliRun.of("eval", EDGE + "rules/zone_transfer.yml", EDGE + "rules/windash.yml", "--events",
        events.toString(), "--format", "jsonl");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.RULE_ERROR);
    assertThat(run.err()).contains("error[unresolved-placeholder]: placeholder %dns_secondary_servers%")
        .contains(events + ":2:2: error[event-malformed]");
    assertThat(lines(run.out())).extracting(a -> a.get("name").asText()).containsExactly("edge_windash");
    CliRun withEnv = CliRun.of("eval", EDGE + "rules/zone_transfer.yml", "--env", EDGE + "environment.yml", "--events",
        EDGE + "events/zone_transfer.ndjson", "--format", "jsonl");
    assertThat(withEnv.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(lines(withEnv.out())).extracting(a -> a.get("line").asInt()).containsExactly(1);
  }

  @Test
  void noAlertsIsStillSuccessAndTimeFieldsCanBeChosen() throws Exception {
    Path events = folder.resolve("e.ndjson");
    Files.writeString(events, String.join("\n",
        "{\"when\": \"2024-05-01T10:00:00Z\", \"id.orig_h\": \"a\", \"rcode_name\": \"NXDOMAIN\"}",
        "{\"when\": \"2024-05-01T10:00:01Z\", \"id.orig_h\": \"a\", \"rcode_name\": \"NXDOMAIN\"}",
        "{\"when\": \"2024-05-01T10:00:02Z\", \"id.orig_h\": \"a\", \"rcode_name\": \"NXDOMAIN\"}",
        "{\"when\": \"2024-05-01T10:00:03Z\", \"id.orig_h\": \"a\", \"rcode_name\": \"NXDOMAIN\"}",
        "{\"when\": \"2024-05-01T10:00:04Z\", \"id.orig_h\": \"a\", \"rcode_name\": \"NXDOMAIN\"}") + "\n");
    CliRun untimed = CliRun.of("eval", EDGE + "rules/nxdomain_burst.yml", "--events", events.toString());
    assertThat(untimed.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(untimed.out()).isEmpty();
    assertThat(untimed.err()).contains(events + ":1:1: warning[event-time]: 5 event(s)");
    CliRun timed = CliRun.of("eval", EDGE + "rules/nxdomain_burst.yml", "--events", events.toString(),
        "--time-field", "when", "--format", "jsonl");
    assertThat(lines(timed.out())).extracting(a -> a.get("line").asInt()).containsExactly(5);
  }

  @Test
  void contributingEventsFromSeveralFilesAreNamedWithTheirFile() throws Exception {
    Path one = folder.resolve("one.ndjson");
    Path two = folder.resolve("two.ndjson");
    String event = "{\"ts\": %d, \"id.orig_h\": \"a\", \"rcode_name\": \"NXDOMAIN\"}\n";
    Files.writeString(one, String.format(event, 0) + String.format(event, 2) + String.format(event, 4));
    Files.writeString(two, String.format(event, 1) + String.format(event, 3));
    CliRun run = CliRun.of("eval", EDGE + "rules/nxdomain_burst.yml", "--events", one.toString(), two.toString(),
        "--format", "jsonl");
    JsonNode alert = lines(run.out()).get(0);
    assertThat(alert.get("file").asText()).isEqualTo(one.toString());
    assertThat(alert.get("lines").toString()).isEqualTo("[\"" + one + ":1\",\"" + two + ":1\",\"" + one + ":2\",\""
        + two + ":2\",\"" + one + ":3\"]");
  }

  @Test
  void missingEventsOptionIsAUsageError() {
    assertThat(CliRun.of("eval", EDGE + "rules/windash.yml").exitCode()).isEqualTo(ExitCodes.USAGE);
  }
}
