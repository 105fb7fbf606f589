package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.push.PushTargets;
import dev.detectc.push.fake.FakeClock;
import dev.detectc.push.fake.FakeKibana;
import dev.detectc.push.fake.FakeSiemServer;
import dev.detectc.push.fake.Loopback;
import dev.detectc.push.fake.Recorded;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code detectc push --target lucene} against a kibana Kibana: exact requests, idempotence, updates, dry run. */
class PushKibanaTest {

  static final String KEY = "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==";
  static final String ZONE_TRANSFER = "4f5bd6d4-d8c9-4740-91c6-e32632c900bd";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  final Loopback<FakeKibana> kibana = Loopback.of(() -> new FakeKibana("/s/soc", KEY));

  @TempDir
  Path temp;


  PushRun push(String rules, String... extra) {
    String[] args = new String[extra.length + 7];
    args[0] = "--target";
    args[1] = "lucene";
    args[2] = "--to";
    args[3] = kibana.server().url() + "/s/soc";
    args[4] = "--env";
    args[5] = "test-fixtures/det0877/environment.yml";
    System.arraycopy(extra, 0, args, 6, extra.length);
    args[args.length - 1] = rules;
    return PushRun.run(Map.of("DETECTC_ELASTIC_API_KEY", KEY), args);
  }

  @Test
  void createsEveryRuleWithTheDocumentedRequestsThenChangesNothingOnTheSecondRun() throws Exception {
    PushRun first = push("rules/det0877");
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
    int rules = kibana.emulator().rules().size();
    assertThat(rules).isGreaterThan(15);
    assertThat(first.out().lines().filter(line -> line.startsWith("created ")).count()).isEqualTo(rules);
    assertThat(first.err()).contains("push to Kibana: " + rules + " created, 0 updated, 0 unchanged, 0 failed");

    List<Recorded> requests = kibana.server().requests();
    assertThat(requests).hasSize(2 * rules);
    for (int i = 0; i < requests.size(); i += 2) {
      Recorded read = requests.get(i);
      Recorded create = requests.get(i + 1);
      assertThat(read.method()).isEqualTo("GET");
      assertThat(read.path()).isEqualTo("/s/soc/api/detection_engine/rules");
      assertThat(read.query()).matches("rule_id=[0-9a-f-]{36}");
      assertThat(create.method()).isEqualTo("POST");
      assertThat(create.path()).isEqualTo("/s/soc/api/detection_engine/rules");
      assertThat(create.query()).isEmpty();
      for (Recorded request : List.of(read, create)) {
        assertThat(request.header("kbn-xsrf")).isEqualTo("true");
        assertThat(request.header("Authorization")).isEqualTo("ApiKey " + KEY);
      }
      assertThat(create.header("Content-Type")).isEqualTo("application/json");
      JsonNode body = JSON.readTree(create.body());
      assertThat(read.query()).isEqualTo("rule_id=" + body.path("rule_id").asText());
      for (String field : List.of("rule_id", "name", "description", "risk_score", "severity", "type", "query")) {
        assertThat(body.has(field)).as(field).isTrue();
      }
    }
    JsonNode stored = kibana.emulator().rules().get(ZONE_TRANSFER);
    assertThat(stored.path("name").asText())
        .isEqualTo("DNS Zone Transfer Requested by a Host That Is Not an Approved Secondary");
    assertThat(stored.path("severity").asText()).isEqualTo("medium");
    assertThat(stored.path("risk_score").asInt()).isEqualTo(47);

    kibana.server().clearRequests();
    PushRun second = push("rules/det0877");
    assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.OK);
    assertThat(kibana.server().writes()).isEmpty();
    assertThat(kibana.server().requests()).hasSize(rules).allMatch(request -> request.method().equals("GET"));
    assertThat(second.out().lines().filter(line -> line.startsWith("unchanged ")).count()).isEqualTo(rules);
    assertThat(second.err()).contains("0 created, 0 updated, " + rules + " unchanged, 0 failed");
  }

  @Test
  void updatesOnlyTheRuleThatChangedAndShowsTheFieldDiff() throws Exception {
    Path rules = copyPack();
    assertThat(push(rules.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    Path rule = rules.resolve("dns_zone_transfer_unapproved_host.yml");
    Files.writeString(rule, Files.readString(rule).replace("level: medium", "level: high"));

    kibana.server().clearRequests();
    PushRun dryRun = push(rules.toString(), "--dry-run");
    assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(ExitCodes.OK);
    assertThat(kibana.server().writes()).isEmpty();
    assertThat(dryRun.out()).contains("would update  " + ZONE_TRANSFER)
        .contains("~ risk_score: 47 -> 73")
        .contains("~ severity: \"medium\" -> \"high\"");
    assertThat(dryRun.err()).contains("dry run against Kibana (nothing written): 0 would be created, 1 would be updated");
    assertThat(kibana.emulator().rules().get(ZONE_TRANSFER).path("severity").asText()).isEqualTo("medium");

    kibana.server().clearRequests();
    PushRun update = push(rules.toString());
    assertThat(update.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(update.out()).contains("updated       " + ZONE_TRANSFER).contains("~ risk_score: 47 -> 73");
    List<Recorded> writes = kibana.server().writes();
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).method()).isEqualTo("PATCH");
    assertThat(writes.get(0).path()).isEqualTo("/s/soc/api/detection_engine/rules");
    JsonNode body = JSON.readTree(writes.get(0).body());
    assertThat(body.path("rule_id").asText()).isEqualTo(ZONE_TRANSFER);
    assertThat(body.path("severity").asText()).isEqualTo("high");
    assertThat(kibana.emulator().rules().get(ZONE_TRANSFER).path("revision").asInt()).isEqualTo(1);

    kibana.server().clearRequests();
    assertThat(push(rules.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(kibana.server().writes()).isEmpty();
  }

  @Test
  void dryRunOnAnEmptyKibanaListsCreatesAndWritesNothing() {
    PushRun dryRun = push("rules/det0877/dns_zone_transfer_unapproved_host.yml", "--dry-run", "--format", "jsonl");
    assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(ExitCodes.OK);
    assertThat(kibana.server().writes()).isEmpty();
    assertThat(kibana.emulator().rules()).isEmpty();
    assertThat(dryRun.out()).isEqualTo("{\"rule_id\":\"" + ZONE_TRANSFER + "\",\"key\":\"" + ZONE_TRANSFER + "\","
        + "\"title\":\"DNS Zone Transfer Requested by a Host That Is Not an Approved Secondary\","
        + "\"file\":\"rules/det0877/dns_zone_transfer_unapproved_host.yml\",\"siem\":\"kibana\","
        + "\"result\":\"would_create\",\"dry_run\":true,\"changes\":[],\"detail\":\"\"}\n");
  }

  @Test
  void aWrongSpaceIsAFailureNotAnEmptyKibana() {
    PushRun run = PushRun.run(Map.of("DETECTC_ELASTIC_API_KEY", KEY), "--target", "lucene", "--to",
        kibana.server().url() + "/s/typo", "--env", "test-fixtures/det0877/environment.yml",
        "rules/det0877/dns_zone_transfer_unapproved_host.yml");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PUSH_FAILED);
    assertThat(run.out()).contains("cannot read rule " + ZONE_TRANSFER + ": Kibana answered HTTP 404 Not Found: Not Found");
    assertThat(kibana.server().writes()).isEmpty();
  }

  @Test
  void encodesAnIdColonKeyPairTheWayKibanaExpects() {
    String pair = "VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw";
    String encoded = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    FakeKibana strict = new FakeKibana("", encoded);
    try (FakeSiemServer other = FakeSiemServer.start(strict)) {
      PushRun run = PushRun.run(Map.of("DETECTC_ELASTIC_API_KEY", pair), "--target", "eql", "--to", other.url(),
          "--env", "test-fixtures/det0877/environment.yml", "rules/det0877/dns_zone_transfer_unapproved_host.yml");
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
      assertThat(other.requests().get(0).header("Authorization")).isEqualTo("ApiKey " + encoded);
      assertThat(strict.rules()).containsKey(ZONE_TRANSFER);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anUpdateKeepsWhatTheUiAddedAndNeverSwitchesTheRuleOffAgain() throws Exception {
    Path rule = temp.resolve("rule.yml");
    Files.writeString(rule, Files.readString(Path.of("rules/det0877/dns_zone_transfer_unapproved_host.yml")));
    String[] args = {"--target", "lucene", "--profile", "ecs", "--to", kibana.server().url() + "/s/soc", "--env",
        "test-fixtures/det0877/environment.yml", rule.toString()};
    Map<String, String> env = Map.of("DETECTC_ELASTIC_API_KEY", KEY);
    PushRun created = PushRun.run(env, PushTargets.BUILT_IN, new FakeClock(), args);
    assertThat(created.exitCode()).as(created.toString()).isEqualTo(ExitCodes.OK);
    // The packaging creates rules switched off, for a person to review and enable.
    assertThat(JSON.readTree(kibana.server().writes().get(0).body()).path("enabled").asBoolean(true)).isFalse();

    // Someone enables the rule in Kibana and adds an exception list and an action.
    kibana.emulator().edit(ZONE_TRANSFER, stored -> {
      stored.put("enabled", true);
      stored.putArray("exceptions_list").addObject().put("id", "endpoint_list").put("list_id", "endpoint_list")
          .put("namespace_type", "agnostic").put("type", "endpoint");
      stored.putArray("actions").addObject().put("id", "connector-1").put("action_type_id", ".slack")
          .put("group", "default");
    });
    kibana.server().clearRequests();
    PushRun again = PushRun.run(env, PushTargets.BUILT_IN, new FakeClock(), args);
    assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.OK);
    assertThat(kibana.server().writes()).isEmpty();
    assertThat(again.out()).contains("unchanged     " + ZONE_TRANSFER);

    Files.writeString(rule, Files.readString(rule).replace("level: medium", "level: high"));
    kibana.server().clearRequests();
    PushRun update = PushRun.run(env, PushTargets.BUILT_IN, new FakeClock(), args);
    assertThat(update.exitCode()).as(update.toString()).isEqualTo(ExitCodes.OK);
    assertThat(update.out()).contains("~ severity: \"medium\" -> \"high\"").doesNotContain("enabled");
    List<Recorded> writes = kibana.server().writes();
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).method()).isEqualTo("PATCH");
    assertThat(writes.get(0).path()).isEqualTo("/s/soc/api/detection_engine/rules");
    JsonNode patch = JSON.readTree(writes.get(0).body());
    assertThat(patch.path("rule_id").asText()).isEqualTo(ZONE_TRANSFER);
    assertThat(patch.has("enabled")).isFalse();
    assertThat(patch.has("exceptions_list")).isFalse();
    JsonNode stored = kibana.emulator().rules().get(ZONE_TRANSFER);
    assertThat(stored.path("severity").asText()).isEqualTo("high");
    assertThat(stored.path("enabled").asBoolean()).isTrue();
    assertThat(stored.path("exceptions_list").get(0).path("list_id").asText()).isEqualTo("endpoint_list");
    assertThat(stored.path("actions").get(0).path("id").asText()).isEqualTo("connector-1");
  }

  Path copyPack() throws Exception {
    Path copy = temp.resolve("det0877");
    Files.createDirectories(copy);
    try (var files = Files.list(Path.of("rules/det0877"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    return copy;
  }
}
