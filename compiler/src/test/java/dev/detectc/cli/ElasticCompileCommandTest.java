package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compile with several Elastic targets in one run, Kibana packaging, and the usage errors around them. */
class ElasticCompileCommandTest {

  static final String RULE = "rules/det0877/dns_zone_transfer_unapproved_host.yml";
  static final String ENV = "test-fixtures/det0877/environment.yml";

  @Test
  void oneRunCompilesForEveryTargetGiven() throws Exception {
    CliRun run = CliRun.of("compile", "--target", "lucene,eql,esql,dsl", "--profile", "ecs", "--format", "jsonl",
        "--env", ENV, RULE);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    List<JsonNode> lines = run.out().lines().map(ElasticCompileCommandTest::json).toList();
    assertThat(lines).extracting(line -> line.get("target").asText()).containsExactly("lucene", "eql", "esql", "dsl");
    assertThat(lines).allSatisfy(line -> assertThat(line.get("query").asText()).contains("source.ip"));
    assertThat(run.err()).contains("compiled 1 of 1 rules for lucene/ecs", "compiled 1 of 1 rules for dsl/ecs");
  }

  @Test
  void kibanaNdjsonIsOneRuleObjectPerLineAndOnlyForKibanaLanguages() {
    CliRun run = CliRun.of("compile", "--target", "lucene,eql,esql", "--profile", "ecs", "--format", "kibana-ndjson",
        "--env", ENV, RULE);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().lines().map(line -> json(line).get("language").asText())).containsExactly("lucene", "eql", "esql");
    assertThat(CliRun.of("compile", "--target", "dsl", "--format", "kibana-ndjson", RULE).exitCode())
        .isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("compile", "--target", "lucene,nope", RULE).exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void outputFilesAreNamedPerTarget(@TempDir Path out) throws Exception {
    CliRun run = CliRun.of("compile", "--target", "lucene,esql,dsl", "--profile", "ecs", "--env", ENV,
        "--output", out.toString(), RULE);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
          "dns_zone_transfer_unapproved_host.lucene", "dns_zone_transfer_unapproved_host.esql",
          "dns_zone_transfer_unapproved_host.json");
    }
    assertThat(Files.readString(out.resolve("dns_zone_transfer_unapproved_host.lucene"))).startsWith("((dns.question.type:");
    json(Files.readString(out.resolve("dns_zone_transfer_unapproved_host.json")));
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }
}
