package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.push.PushTargets;
import dev.detectc.push.fake.FakeClock;
import dev.detectc.push.fake.FakeKibana;
import dev.detectc.push.fake.FakeSentinel;
import dev.detectc.push.fake.Loopback;
import dev.detectc.push.fake.Recorded;
import dev.detectc.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The targets as this build wires them: push ships exactly the objects that
 * {@code compile --format kibana-ndjson} (lucene, eql, esql) or {@code --format sentinel-arm}
 * (kql) writes, lists rules the target refuses as not pushed with the target's reason, and
 * writes nothing on a second run.
 */
class PushPackagedTargetsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ENV = "test-fixtures/det0877/environment.yml";
  static final String TOKEN = PushSentinelTest.TOKEN;

  @RegisterExtension
  final Loopback<FakeKibana> kibana = Loopback.of(() -> new FakeKibana("", PushKibanaTest.KEY));

  @RegisterExtension
  final Loopback<FakeSentinel> sentinel = Loopback.of(() -> new FakeSentinel(TOKEN, "2024-09-01"));

  PushRun push(String target, String profile) {
    Map<String, String> env = Map.of("DETECTC_ELASTIC_API_KEY", PushKibanaTest.KEY, "DETECTC_AZURE_TOKEN", TOKEN);
    String to = target.equals("kql") ? sentinel.server().url() + FakeSentinel.WORKSPACE : kibana.server().url();
    return PushRun.run(env, PushTargets.BUILT_IN, new FakeClock(), "--target", target, "--profile", profile, "--to", to,
        "--env", ENV, "rules/det0877");
  }

  @ParameterizedTest
  @CsvSource({"lucene, ecs, kibana-ndjson", "eql, ecs, kibana-ndjson", "esql, ecs, kibana-ndjson",
      "kql, sentinel, sentinel-arm", "kql, defender, sentinel-arm"})
  void pushesWhatCompileWritesAndNothingTheSecondTime(String target, String profile, String format) throws Exception {
    CliRun compiled = CliRun.of("compile", "--target", target, "--profile", profile, "--format", format,
        "--env", ENV, "rules/det0877");
    List<JsonNode> written = new ArrayList<>();
    for (String line : compiled.out().lines().toList()) {
      written.add(JSON.readTree(line));
    }
    assertThat(written).isNotEmpty();

    PushRun first = push(target, profile);
    var server = target.equals("kql") ? sentinel.server() : kibana.server();
    assertThat(first.exitCode()).as(first.toString())
        .isEqualTo(compiled.exitCode() == ExitCodes.OK ? ExitCodes.OK : ExitCodes.RULE_ERROR);
    List<JsonNode> pushed = new ArrayList<>();
    for (Recorded request : server.writes()) {
      pushed.add(JSON.readTree(request.body()));
      if (target.equals("kql")) {
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.path()).matches(".*/alertRules/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      } else {
        assertThat(request.method()).isEqualTo("POST");
      }
    }
    assertThat(pushed).containsExactlyInAnyOrderElementsOf(written);
    long refused = first.out().lines().filter(line -> line.startsWith("not pushed ")).count();
    assertThat(first.out().lines().filter(line -> line.startsWith("created ")).count()).isEqualTo(written.size());
    assertThat(first.err()).contains(written.size() + " created, 0 updated, 0 unchanged, 0 failed"
        + (refused > 0 ? ", " + refused + " not pushed (rule errors)" : ""));
    // Every rule compile refuses is listed as not pushed, with the target's diagnostic.
    assertThat(compiled.err()).contains("compiled " + written.size() + " of " + (written.size() + refused) + " rules for "
        + target + "/" + profile + "; " + refused + " failed");
    assertThat(first.out().lines().filter(line -> line.matches(" +rules/det0877/.*: error\\[[a-z-]+\\]: .*")).count())
        .isEqualTo(refused);

    server.clearRequests();
    PushRun second = push(target, profile);
    assertThat(second.exitCode()).isEqualTo(first.exitCode());
    assertThat(server.writes()).isEmpty();
    assertThat(second.err()).contains("0 created, 0 updated, " + written.size() + " unchanged, 0 failed");
  }
}
