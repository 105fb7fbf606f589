package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.push.fake.FakeSentinel;
import dev.detectc.push.fake.Loopback;
import dev.detectc.push.fake.Recorded;
import dev.detectc.push.fake.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code detectc push --target kql} against a sentinel Sentinel workspace: PUT with api-version
 * and bearer token, the etag sent back on update, a portal edit undone, and a stale etag
 * (409) re-planned from a fresh read.
 */
class PushSentinelTest {

  static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.YXp1cmUtdG9rZW4tZm9yLXRlc3Rz.c2lnbmF0dXJl";
  static final String RULE = "4f5bd6d4-d8c9-4740-91c6-e32632c900bd";
  static final String FILE = "rules/det0877/dns_zone_transfer_unapproved_host.yml";
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  final Loopback<FakeSentinel> sentinel = Loopback.of(() -> new FakeSentinel(TOKEN, "2024-09-01"));


  PushRun push(String... rest) {
    String[] args = new String[rest.length + 6];
    System.arraycopy(new String[] {"--target", "kql", "--to", sentinel.server().url() + FakeSentinel.WORKSPACE, "--env",
        "test-fixtures/det0877/environment.yml"}, 0, args, 0, 6);
    System.arraycopy(rest, 0, args, 6, rest.length);
    return PushRun.run(Map.of("DETECTC_AZURE_TOKEN", TOKEN), args);
  }

  @Test
  void putsEachAlertRuleThenChangesNothingOnTheSecondRun() throws Exception {
    PushRun first = push("rules/det0877");
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
    int rules = sentinel.emulator().alertRules().size();
    assertThat(rules).isGreaterThan(15);
    Recorded create = sentinel.server().requests().get(1);
    assertThat(create.method()).isEqualTo("PUT");
    assertThat(create.path()).matches(FakeSentinel.ALERT_RULES.replace(".", "\\.") + "[0-9a-f-]{36}");
    assertThat(create.query()).isEqualTo("api-version=2024-09-01");
    assertThat(create.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(create.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = JSON.readTree(create.body());
    assertThat(body.path("kind").asText()).isEqualTo("Scheduled");
    assertThat(body.has("etag")).isFalse();
    for (String required : List.of("displayName", "enabled", "severity", "query", "queryFrequency", "queryPeriod",
        "triggerOperator", "triggerThreshold", "suppressionEnabled", "suppressionDuration")) {
      assertThat(body.path("properties").has(required)).as(required).isTrue();
    }

    sentinel.server().clearRequests();
    PushRun second = push("rules/det0877");
    assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.OK);
    assertThat(sentinel.server().writes()).isEmpty();
    assertThat(second.err()).contains(rules + " unchanged, 0 failed");
  }

  @Test
  void undoesAPortalEditAndSendsBackTheEtagItRead() throws Exception {
    assertThat(push(FILE).exitCode()).isEqualTo(ExitCodes.OK);
    sentinel.emulator().editInPortal(RULE, "severity", "Low");
    String etag = sentinel.emulator().alertRules().get(RULE).path("etag").asText();

    sentinel.server().clearRequests();
    PushRun run = push(FILE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("updated       " + RULE).contains("~ properties.severity: \"Low\" -> \"Medium\"");
    Recorded put = sentinel.server().writes().get(0);
    assertThat(JSON.readTree(put.body()).path("etag").asText()).isEqualTo(etag);
    assertThat(sentinel.emulator().alertRules().get(RULE).path("properties").path("severity").asText()).isEqualTo("Medium");
  }

  @Test
  void aStaleEtagIsReplannedFromAFreshRead() {
    assertThat(push(FILE).exitCode()).isEqualTo(ExitCodes.OK);
    sentinel.emulator().editInPortal(RULE, "severity", "Low");
    // Between our read and our write someone edits again: the PUT carries a stale etag.
    sentinel.server().faultWith("PUT", RULE, 1, request -> {
      sentinel.emulator().editInPortal(RULE, "severity", "Informational");
      return sentinel.emulator().apply(request);
    });
    sentinel.server().clearRequests();
    PushRun run = push(FILE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(sentinel.server().requests()).extracting(Recorded::method).containsExactly("GET", "PUT", "GET", "PUT");
    assertThat(run.out()).contains("updated       " + RULE).contains("updated after a conflict");
    assertThat(sentinel.emulator().alertRules().get(RULE).path("properties").path("severity").asText()).isEqualTo("Medium");
  }

  @Test
  void aRuleThatFailsMidwayLeavesTheOthersListedAsPushed() {
    String second = "7d6766c5-5e9e-40cb-9deb-45c6106793ea";
    sentinel.server().fault("PUT", second, 5, Reply.json(500,
        "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"Encountered internal server error.\"}}"));
    PushRun run = push("rules/det0877");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PUSH_FAILED);
    int created = sentinel.emulator().alertRules().size();
    assertThat(created).isGreaterThan(15);
    assertThat(run.out()).contains("failed        " + second)
        .contains("cannot create alert rule " + second + ": Sentinel answered HTTP 500 Internal Server Error:"
            + " InternalServerError: Encountered internal server error. (gave up after 5 attempts)");
    assertThat(run.out().lines().filter(line -> line.startsWith("created ")).count()).isEqualTo(created);
    assertThat(run.err()).contains(created + " created, 0 updated, 0 unchanged, 1 failed");

    sentinel.server().clearRequests();
    PushRun rerun = push("rules/det0877");
    assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(ExitCodes.OK);
    assertThat(sentinel.server().writes()).hasSize(1);
    assertThat(rerun.err()).contains("1 created, 0 updated, " + created + " unchanged, 0 failed");
  }
}
