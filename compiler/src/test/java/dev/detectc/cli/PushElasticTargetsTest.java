package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.push.PushTargets;
import dev.detectc.push.fake.FakeClock;
import dev.detectc.push.fake.FakeKibana;
import dev.detectc.push.fake.Loopback;
import dev.detectc.push.fake.Recorded;
import dev.detectc.testing.CliRun;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Elastic targets as this build wires them: push ships exactly the rule objects that
 * {@code compile --format kibana-ndjson} writes, rules the target refuses are listed as not
 * pushed with the target's reason, and a second run writes nothing.
 */
class PushElasticTargetsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ENV = "test-fixtures/det0877/environment.yml";

  @RegisterExtension
  final Loopback<FakeKibana> kibana = Loopback.of(() -> new FakeKibana("", PushKibanaTest.KEY));

  PushRun push(String target) {
    return PushRun.run(Map.of("DETECTC_ELASTIC_API_KEY", PushKibanaTest.KEY), PushTargets.BUILT_IN, new FakeClock(),
        "--target", target, "--profile", "ecs", "--to", kibana.server().url(), "--env", ENV, "rules/det0877");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lucene", "eql", "esql"})
  void pushesWhatCompileWritesAndNothingTheSecondTime(String target) throws Exception {
    CliRun compiled = CliRun.of("compile", "--target", target, "--profile", "ecs", "--format", "kibana-ndjson",
        "--env", ENV, "rules/det0877");
    Map<String, JsonNode> written = new HashMap<>();
    for (String line : compiled.out().lines().toList()) {
      JsonNode rule = JSON.readTree(line);
      written.put(rule.path("rule_id").asText(), rule);
    }
    assertThat(written).isNotEmpty();

    PushRun first = push(target);
    assertThat(first.exitCode()).as(first.toString())
        .isEqualTo(compiled.exitCode() == ExitCodes.OK ? ExitCodes.OK : ExitCodes.RULE_ERROR);
    Map<String, JsonNode> pushed = new HashMap<>();
    for (Recorded request : kibana.server().writes()) {
      assertThat(request.method()).isEqualTo("POST");
      JsonNode body = JSON.readTree(request.body());
      pushed.put(body.path("rule_id").asText(), body);
    }
    assertThat(pushed).isEqualTo(written);
    long refused = first.out().lines().filter(line -> line.startsWith("not pushed ")).count();
    assertThat(first.err()).contains("push to Kibana: " + written.size() + " created, 0 updated, 0 unchanged, 0 failed"
        + (refused > 0 ? ", " + refused + " not pushed (rule errors)" : ""));
    if (refused > 0) {
      assertThat(first.out()).contains("error[unsupported-feature]: " + target + ":");
    }

    kibana.server().clearRequests();
    PushRun second = push(target);
    assertThat(second.exitCode()).isEqualTo(first.exitCode());
    assertThat(kibana.server().writes()).isEmpty();
    assertThat(second.err()).contains("0 created, 0 updated, " + written.size() + " unchanged, 0 failed");
  }
}
