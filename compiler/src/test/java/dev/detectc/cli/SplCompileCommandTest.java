package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.target.SavedSearchStanza;
import dev.detectc.target.SavedSearchesReader;
import dev.detectc.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detectc compile --target spl}: text, jsonl with warnings, savedsearches.conf, per-rule errors and exit codes. */
class SplCompileCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENV = "rules/det0877/environment.example.yml";

  @Test
  void theRulePackCompilesAndTextUsesSplComments() {
    CliRun run = CliRun.of("compile", "--target", "spl", "--env", ENV, "rules/det0877");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.err()).contains("compiled 20 of 20 rules for spl/none; 0 failed");
    assertThat(run.out()).contains("```Zeek - DNS Zone Transfer Requested by a Host That Is Not an Approved Secondary```\n")
        .contains("qtype_name IN (\"AXFR\", \"IXFR\") OR qtype IN (\"252\", \"251\")\n| where NOT (isnotnull('id.orig_h')");
  }

  @Test
  void savedSearchesIsOneFileSplunkReadsBack(@TempDir Path folder) throws Exception {
    CliRun run = CliRun.of("compile", "--target", "spl", "--profile", "raw", "--format", "savedsearches", "--env", ENV,
        "--output", folder.toString(), "rules/det0877");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).isEmpty();
    try (var files = Files.list(folder)) {
      assertThat(files.map(path -> path.getFileName().toString()).toList()).containsExactly("savedsearches.conf");
    }
    List<SavedSearchStanza> stanzas = SavedSearchesReader.read(Files.readString(folder.resolve("savedsearches.conf")));
    assertThat(stanzas).hasSize(20);
    SavedSearchStanza temporal = stanzas.stream().filter(stanza -> stanza.name().equals(
        "detectc - Zeek - Zone Transfer Attempt and Subdomain Enumeration From the Same Source")).findFirst().orElseThrow();
    assertThat(temporal.settings()).containsEntry("alert.suppress.fields", "id.orig_h").containsEntry("alert.suppress.period", "3600s")
        .containsEntry("dispatch.earliest_time", "-90m@m").containsEntry("action.detectc.sigma_name",
            "zeek_dns_zone_transfer_and_subdomain_enumeration");
    assertThat(temporal.settings().get("search")).startsWith("| multisearch\n    [search index=\"zeek\" sourcetype=\"bro:dns:json\"");
  }

  @Test
  void jsonlCarriesRefusalsAndApproximationWarnings() throws Exception {
    CliRun run = CliRun.of("compile", "--target", "spl", "--format", "jsonl", "test-fixtures/golden/spl-correlations/rule.yml",
        "test-fixtures/golden/fieldref/rule.yml");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.RULE_ERROR);
    List<JsonNode> lines = run.out().lines().map(line -> {
      try {
        return JSON.readTree(line);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
    assertThat(lines).allSatisfy(line -> assertThat(line.get("target").asText()).isEqualTo("spl"));
    JsonNode bucketed = lines.stream().filter(line -> line.get("title").asText().startsWith("Fewer than three")).findFirst()
        .orElseThrow();
    assertThat(bucketed.get("query").asText()).contains("| bin _time span=5m");
    assertThat(bucketed.get("warnings").get(0).get("code").asText()).isEqualTo("approximate-window");
    JsonNode refused = lines.stream().filter(line -> line.get("title").asText().equals("Field references")).findFirst().orElseThrow();
    assertThat(refused.get("error").get("message").asText()).contains("fieldref|contains");
  }

  @Test
  void savedSearchesNeedsTheSplTarget() {
    assertThat(CliRun.of("compile", "--target", "kql", "--format", "savedsearches", "rules/det0877").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("compile", "--target", "spl", "--profile", "sentinel", "rules/det0877").exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }
}
