package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.push.PushTargets;
import dev.detectc.push.fake.FakeClock;
import dev.detectc.push.fake.FakeSplunk;
import dev.detectc.push.fake.Loopback;
import dev.detectc.push.fake.Recorded;
import dev.detectc.push.fake.Reply;
import dev.detectc.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detectc push --target spl} as this build wires it: the saved searches that
 * {@code compile --format savedsearches} writes, sent as form fields under their REST names to a
 * loopback Splunk that answers in typed JSON, so the second run sends no POST at all. Faults are
 * replayed with Splunk's error shape; after every test, no output may hold the token.
 */
class PushSplunkPackagedTest {

  static final String TOKEN = PushSplunkTest.TOKEN;
  static final String NAMESPACE = "/servicesNS/nobody/SA-detectc";
  static final String COLLECTION = NAMESPACE + "/saved/searches";
  static final String ENV = "test-fixtures/det0877/environment.yml";
  static final String ONE = "rules/det0877/dns_zone_transfer_unapproved_host.yml";
  static final String TWO_MORE = "rules/det0877/dns_canary_name_lookup.yml";
  static final String ZONE = "detectc - DNS Zone Transfer Requested by a Host That Is Not an Approved Secondary";
  static final String ZONE_PATH = COLLECTION + "/detectc%20-%20DNS%20Zone%20Transfer%20Requested%20by%20a%20Host"
      + "%20That%20Is%20Not%20an%20Approved%20Secondary";
  static final String ZONE_ID = PushKibanaTest.ZONE_TRANSFER;

  @RegisterExtension
  final Loopback<FakeSplunk> splunk = Loopback.of(() -> new FakeSplunk(NAMESPACE, TOKEN));

  @TempDir
  Path temp;

  final FakeClock clock = new FakeClock();
  final List<PushRun> runs = new ArrayList<>();

  PushRun push(String... rest) {
    return pushWith(TOKEN, rest);
  }

  PushRun pushWith(String token, String... rest) {
    List<String> args = new ArrayList<>(List.of("--target", "spl", "--to", splunk.server().url() + NAMESPACE,
        "--env", ENV));
    args.addAll(List.of(rest));
    PushRun run = PushRun.run(Map.of("DETECTC_SPLUNK_TOKEN", token), PushTargets.BUILT_IN, clock,
        args.toArray(String[]::new));
    runs.add(run);
    return run;
  }

  @AfterEach
  void noOutputHoldsTheToken() {
    String encoded = Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
    assertThat(runs).isNotEmpty();
    for (PushRun run : runs) {
      assertThat(run.out() + run.err()).as(run.toString()).doesNotContain(TOKEN).doesNotContain(encoded);
    }
  }

  @Test
  void createsTheStanzasCompileWritesUnderTheirRestNamesThenSendsNoPost() throws Exception {
    CliRun compiled = CliRun.of("compile", "--target", "spl", "--format", "savedsearches", "--env", ENV, "rules/det0877");
    assertThat(compiled.exitCode()).as(compiled.err()).isEqualTo(ExitCodes.OK);
    Map<String, Map<String, String>> conf = stanzas(compiled.out());
    assertThat(conf).hasSizeGreaterThan(15);

    PushRun first = push("rules/det0877");
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
    assertThat(first.err()).contains(conf.size() + " created, 0 updated, 0 unchanged, 0 failed");
    List<Recorded> writes = splunk.server().writes();
    assertThat(writes).hasSize(conf.size());
    Map<String, Map<String, String>> pushed = new LinkedHashMap<>();
    for (Recorded create : writes) {
      assertThat(create.method()).isEqualTo("POST");
      assertThat(create.path()).isEqualTo(COLLECTION);
      assertThat(create.query()).isEqualTo("output_mode=json");
      assertThat(create.header("Authorization")).isEqualTo("Bearer " + TOKEN);
      assertThat(create.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
      assertThat(create.body()).startsWith("name=");
      Map<String, String> form = new LinkedHashMap<>(FakeSplunk.form(create.body()));
      pushed.put(form.remove("name"), form);
    }
    // The same stanzas and values, in the same order; only four keys carry their REST names.
    Map<String, Map<String, String>> expected = new LinkedHashMap<>();
    conf.forEach((name, settings) -> expected.put(name, restNames(settings)));
    assertThat(pushed).containsExactlyInAnyOrderEntriesOf(expected);
    pushed.values().forEach(form -> assertThat(form).containsEntry("is_scheduled", "1")
        .containsEntry("alert_type", "number of events").containsEntry("alert_comparator", "greater than")
        .containsEntry("alert_threshold", "0").doesNotContainKeys("enableSched", "counttype", "relation", "quantity"));
    for (Recorded read : splunk.server().requests()) {
      if (read.method().equals("GET")) {
        assertThat(read.query()).isEqualTo("output_mode=json");
        assertThat(read.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(read.path()).startsWith(COLLECTION + "/detectc%20-%20");
        assertThat(read.path().substring(COLLECTION.length() + 1)).doesNotContain("/");
      }
    }

    // Splunk answers is_scheduled and action.detectc as booleans, alert.severity as a number: still equal.
    splunk.server().clearRequests();
    PushRun second = push("rules/det0877");
    assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.OK);
    assertThat(splunk.server().requests()).hasSize(conf.size()).allMatch(request -> request.method().equals("GET"));
    assertThat(second.err()).contains("0 created, 0 updated, " + conf.size() + " unchanged, 0 failed");
    assertThat(splunk.emulator().searches().get(ZONE).path("is_scheduled").isBoolean()).isTrue();
  }

  @Test
  void aChangedRuleIsAFieldDiffInTheDryRunAndOneUpdateWithoutName() throws Exception {
    Path rule = temp.resolve("rule.yml");
    Files.writeString(rule, Files.readString(Path.of(ONE)));
    assertThat(push(rule.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    Files.writeString(rule, Files.readString(rule).replace("level: medium", "level: critical"));

    splunk.server().clearRequests();
    PushRun dryRun = push("--dry-run", rule.toString());
    assertThat(dryRun.exitCode()).as(dryRun.toString()).isEqualTo(ExitCodes.OK);
    assertThat(splunk.server().writes()).isEmpty();
    assertThat(dryRun.out()).contains("would update  " + ZONE_ID)
        .contains("~ alert.severity: 4 -> \"6\"")
        .contains("~ action.detectc.level: \"medium\" -> \"critical\"");
    assertThat(dryRun.out().lines().filter(line -> line.strip().startsWith("~ ")).count()).isEqualTo(2);
    assertThat(splunk.emulator().searches().get(ZONE).path("alert.severity").asInt()).isEqualTo(4);

    splunk.server().clearRequests();
    PushRun update = push(rule.toString());
    assertThat(update.exitCode()).as(update.toString()).isEqualTo(ExitCodes.OK);
    assertThat(update.out()).contains("updated       " + ZONE_ID).contains("~ alert.severity: 4 -> \"6\"");
    List<Recorded> writes = splunk.server().writes();
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).method()).isEqualTo("POST");
    assertThat(writes.get(0).path()).isEqualTo(ZONE_PATH);
    assertThat(writes.get(0).query()).isEqualTo("output_mode=json");
    assertThat(writes.get(0).header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(writes.get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(FakeSplunk.form(writes.get(0).body())).doesNotContainKey("name").containsEntry("alert.severity", "6");
    assertThat(splunk.emulator().searches().get(ZONE).path("alert.severity").asInt()).isEqualTo(6);

    splunk.server().clearRequests();
    assertThat(push(rule.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(splunk.server().writes()).isEmpty();
  }

  @Test
  void aTitleWithSlashesSpacesAndBracketsIsOneSegmentAndTheStanzaNameCompileWrites() throws Exception {
    Path rule = temp.resolve("odd.yml");
    Files.writeString(rule, Files.readString(Path.of(ONE)).replaceFirst("title: .*", "title: 'AXFR [v2] / zone?#&+%'"));
    PushRun run = push(rule.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    String name = "detectc - AXFR (v2) / zone?#&+%";
    assertThat(CliRun.of("compile", "--target", "spl", "--format", "savedsearches", "--env", ENV, rule.toString()).out())
        .contains("\n[" + name + "]\n");
    assertThat(splunk.emulator().searches()).containsOnlyKeys(name);
    List<Recorded> requests = splunk.server().requests();
    assertThat(requests.get(0).path()).isEqualTo(COLLECTION + "/detectc%20-%20AXFR%20%28v2%29%20%2F%20zone%3F%23%26%2B%25");
    assertThat(FakeSplunk.form(requests.get(1).body())).containsEntry("name", name);

    splunk.server().clearRequests();
    assertThat(push(rule.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(splunk.server().writes()).isEmpty();
  }

  @Test
  void unauthorizedStopsTheRunInSplunksWords() {
    PushRun run = pushWith("a-revoked-splunk-token", ONE, TWO_MORE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PUSH_FAILED);
    assertThat(splunk.server().requests()).hasSize(1);
    assertThat(run.out()).contains("failed        " + ZONE_ID)
        .contains("Splunk answered HTTP 401 Unauthorized: call not properly authenticated (check DETECTC_SPLUNK_TOKEN)")
        .contains("skipped       ");
    assertThat(splunk.emulator().searches()).isEmpty();
  }

  @Test
  void aSearchCreatedBetweenReadAndWriteMeets409AndIsReadBack() {
    assertThat(push(ONE).exitCode()).isEqualTo(ExitCodes.OK);
    splunk.server().clearRequests();
    splunk.server().fault("GET", COLLECTION + "/", 1, Reply.json(404,
        "{\"messages\":[{\"type\":\"ERROR\",\"text\":\"Could not find object id=" + ZONE + "\"}]}"));
    PushRun run = push(ONE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(splunk.server().requests()).extracting(Recorded::method).containsExactly("GET", "POST", "GET");
    assertThat(run.out()).contains("Splunk reported a conflict; reading the rule back shows it as desired");
    assertThat(splunk.emulator().searches()).hasSize(1);
  }

  @Test
  void tooManyRequestsWaitsWhatRetryAfterSays() {
    splunk.server().fault("POST", COLLECTION, 1, Reply.json(429,
        "{\"messages\":[{\"type\":\"ERROR\",\"text\":\"Too many requests\"}]}").withHeader("Retry-After", "7"));
    PushRun run = push(ONE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(splunk.server().requests()).extracting(Recorded::method).containsExactly("GET", "POST", "POST");
    assertThat(splunk.emulator().searches()).containsOnlyKeys(ZONE);
  }

  @Test
  void serverErrorsAreRetriedWithBackoff() {
    splunk.server().fault("POST", COLLECTION, 2, Reply.json(500,
        "{\"messages\":[{\"type\":\"ERROR\",\"text\":\"Internal server error\"}]}"));
    PushRun run = push(ONE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(run.out()).contains("created       " + ZONE_ID);
  }

  @Test
  void aDroppedConnectionIsRetriedAndALandedCreateIsNotDuplicated() {
    splunk.server().fault("POST", COLLECTION, 1, Reply.dropConnection());
    PushRun dropped = push(ONE);
    assertThat(dropped.exitCode()).as(dropped.toString()).isEqualTo(ExitCodes.OK);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1));

    splunk.server().clearRequests();
    splunk.server().processThenDrop("POST", COLLECTION, 1);
    PushRun landed = push(TWO_MORE);
    assertThat(landed.exitCode()).as(landed.toString()).isEqualTo(ExitCodes.OK);
    // The retried create meets "already exists" (409); a fresh read shows the search as desired.
    assertThat(splunk.server().requests()).extracting(Recorded::method).containsExactly("GET", "POST", "POST", "GET");
    assertThat(landed.out()).contains("Splunk reported a conflict; reading the rule back shows it as desired");
    assertThat(splunk.emulator().searches()).hasSize(2);
  }

  /** The stanzas of a savedsearches.conf, reading continued lines back into one value. */
  static Map<String, Map<String, String>> stanzas(String conf) {
    Map<String, Map<String, String>> stanzas = new LinkedHashMap<>();
    Map<String, String> current = null;
    String key = null;
    StringBuilder value = null;
    for (String line : conf.split("\n", -1)) {
      if (value != null) {
        value.append('\n');
      } else if (line.startsWith("[") && line.endsWith("]")) {
        current = new LinkedHashMap<>();
        stanzas.put(line.substring(1, line.length() - 1), current);
        continue;
      } else if (current != null && line.contains(" = ")) {
        key = line.substring(0, line.indexOf(" = "));
        value = new StringBuilder();
        line = line.substring(line.indexOf(" = ") + 3);
      } else {
        continue;
      }
      if (line.endsWith("\\")) {
        value.append(line, 0, line.length() - 1);
      } else {
        current.put(key, value.append(line).toString());
        value = null;
      }
    }
    return stanzas;
  }

  static Map<String, String> restNames(Map<String, String> settings) {
    Map<String, String> renamed = new LinkedHashMap<>();
    Map<String, String> names = Map.of("enableSched", "is_scheduled", "counttype", "alert_type", "relation",
        "alert_comparator", "quantity", "alert_threshold");
    settings.forEach((key, value) -> renamed.put(names.getOrDefault(key, key), value));
    return renamed;
  }
}
