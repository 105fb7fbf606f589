package dev.detectc.target.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden output of the DET0877 pack and the Elastic edge rules for each Elastic target and
 * profile, and as Kibana NDJSON (reviewed by hand), with the structural check on EQL and ES|QL
 * and the required attributes of every Kibana rule. Rewrite with {@code -Dgolden.update=true}.
 */
class ElasticGoldenTest {

  @ParameterizedTest(name = "{0} {1}/{2} {3}")
  @CsvSource({
      "det0877, eql, ecs, text", "det0877, esql, ecs, text", "det0877, lucene, ecs, text", "det0877, dsl, ecs, text",
      "det0877, eql, none, text", "det0877, esql, none, text", "edge, lucene, ecs, text", "edge, eql, ecs, text",
      "edge, esql, ecs, text", "edge, dsl, ecs, text", "edge, lucene, none, text", "edge, dsl, none, text",
      "det0877, 'lucene,eql,esql', ecs, kibana-ndjson", "edge, 'lucene,eql,esql', ecs, kibana-ndjson"})
  void matchesItsGoldenFile(String pack, String target, String profile, String format) throws Exception {
    List<String> args = new ArrayList<>(List.of("compile", "--target", target, "--profile", profile, "--format", format));
    if (pack.equals("det0877")) {
      args.addAll(List.of("--env", "test-fixtures/det0877/environment.yml", "rules/det0877"));
    } else {
      args.addAll(List.of("test-fixtures/elastic/edge/rules.yml", "test-fixtures/elastic/edge/correlations.yml",
          "test-fixtures/elastic/edge/chains.yml"));
    }
    CliRun run = CliRun.of(args.toArray(String[]::new));
    Path golden = Path.of("test-fixtures/elastic/golden/" + pack + "." + profile + "." + target.replace(',', '-')
        + (format.equals("text") ? "" : "." + format) + ".expected");
    String actual = run.out() + "-- stderr --\n" + run.err().replace(Path.of("").toAbsolutePath() + "/", "");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).as("golden " + golden + " (rewrite with -Dgolden.update=true)")
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    if (format.equals("kibana-ndjson")) {
      for (String line : run.out().split("\n")) {
        com.fasterxml.jackson.databind.JsonNode rule = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        for (String required : List.of("rule_id", "name", "description", "risk_score", "severity", "type", "language", "query")) {
          assertThat(rule.has(required)).as(required + " in " + line).isTrue();
        }
      }
    }
    if (format.equals("text") && (target.equals("eql") || target.equals("esql"))) {
      for (String block : run.out().split("\n\n")) {
        String query = block.lines().filter(line -> !line.startsWith("//")).reduce((a, b) -> a + "\n" + b).orElse("");
        assertThat(QueryStructure.problem(query, target.equals("eql"))).as(query).isNull();
      }
    }
  }
}
