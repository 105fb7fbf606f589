package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detectc.push.fake.FakeClock;
import dev.detectc.push.fake.FakeKibana;
import dev.detectc.push.fake.FakeSentinel;
import dev.detectc.push.fake.FakeSiemServer;
import dev.detectc.push.fake.Loopback;
import dev.detectc.push.fake.FakeSplunk;
import dev.detectc.push.fake.Recorded;
import dev.detectc.push.fake.Reply;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The faults the issue names, replayed with each API's real error bodies: 401, 409 conflict, 429
 * with Retry-After, 500, a dropped connection (before and after the server acted on the request),
 * and an address nobody listens on. Waits go through a fake clock, so they are checked, not slept.
 */
class PushFaultsTest {

  static final String KEY = PushKibanaTest.KEY;
  static final String RULE = PushKibanaTest.ZONE_TRANSFER;
  static final String ONE = "rules/det0877/dns_zone_transfer_unapproved_host.yml";
  static final String TWO_MORE = "rules/det0877/dns_canary_name_lookup.yml";
  static final String ENV = "test-fixtures/det0877/environment.yml";

  @RegisterExtension
  final Loopback<FakeKibana> kibana = Loopback.of(() -> new FakeKibana("", KEY));
  FakeClock clock = new FakeClock();


  PushRun push(String... rules) {
    String[] args = new String[rules.length + 6];
    System.arraycopy(new String[] {"--target", "lucene", "--to", kibana.server().url(), "--env", ENV}, 0, args, 0, 6);
    System.arraycopy(rules, 0, args, 6, rules.length);
    return PushRun.run(Map.of("DETECTC_ELASTIC_API_KEY", KEY), PushRun.DOCUMENTED, clock, args);
  }

  @Test
  void unauthorizedStopsTheRunAndListsTheRestAsSkipped() {
    PushRun run = PushRun.run(Map.of("DETECTC_ELASTIC_API_KEY", "a-revoked-key"), "--target", "lucene", "--to",
        kibana.server().url(), "--env", ENV, ONE, TWO_MORE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PUSH_FAILED);
    assertThat(kibana.server().requests()).hasSize(1);
    assertThat(run.out()).contains("failed        " + RULE)
        .contains("cannot read rule " + RULE + ": Kibana answered HTTP 401 Unauthorized: [security_exception Root causes:"
            + " security_exception: unable to authenticate with provided credentials")
        .contains("(check DETECTC_ELASTIC_API_KEY)")
        .contains("skipped       7d6766c5-5e9e-40cb-9deb-45c6106793ea")
        .contains("not attempted: the run stopped when rule " + RULE + " failed");
    assertThat(run.err()).contains("0 created, 0 updated, 0 unchanged, 1 failed, 1 skipped");
  }

  @Test
  void splunkAndSentinelUnauthorizedAnswersAreReportedInTheirOwnWords() throws Exception {
    try (FakeSiemServer splunk = FakeSiemServer.start(new FakeSplunk("/servicesNS/nobody/search", "the-right-token"))) {
      PushRun run = PushRun.run(Map.of("DETECTC_SPLUNK_TOKEN", "a-wrong-token"), "--target", "spl", "--to",
          splunk.url() + "/servicesNS/nobody/search", "--env", ENV, ONE);
      assertThat(run.exitCode()).isEqualTo(ExitCodes.PUSH_FAILED);
      assertThat(run.out()).contains("Splunk answered HTTP 401 Unauthorized: call not properly authenticated"
          + " (check DETECTC_SPLUNK_TOKEN)");
    }
    try (FakeSiemServer sentinel = FakeSiemServer.start(new FakeSentinel("the-right-token", "2024-09-01"))) {
      PushRun run = PushRun.run(Map.of("DETECTC_AZURE_TOKEN", "a-wrong-token"), "--target", "kql", "--to",
          sentinel.url() + FakeSentinel.WORKSPACE, "--env", ENV, ONE);
      assertThat(run.exitCode()).isEqualTo(ExitCodes.PUSH_FAILED);
      assertThat(run.out()).contains("Sentinel answered HTTP 401 Unauthorized: InvalidAuthenticationToken:"
          + " The access token is invalid. (check DETECTC_AZURE_TOKEN)");
    }
  }

  @Test
  void aRuleCreatedBysomeoneElseBetweenReadAndWriteIsUpdatedInstead() {
    ObjectNode theirs = new ObjectMapper().createObjectNode().put("rule_id", RULE).put("name", "Someone else's rule")
        .put("description", "created by hand").put("risk_score", 21).put("severity", "low").put("type", "query");
    kibana.emulator().seed(theirs);
    kibana.server().fault("GET", FakeKibana.RULES, 1, Reply.json(404,
        "{\"message\":\"rule_id: \\\"" + RULE + "\\\" not found\",\"status_code\":404}"));
    PushRun run = push(ONE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(kibana.server().requests()).extracting(Recorded::method).containsExactly("GET", "POST", "GET", "PATCH");
    assertThat(run.out()).contains("updated       " + RULE).contains("updated after a conflict")
        .contains("~ name: \"Someone else's rule\" -> \"DNS Zone Transfer Requested");
    assertThat(kibana.emulator().rules().get(RULE).path("severity").asText()).isEqualTo("medium");
  }

  @Test
  void tooManyRequestsWaitsWhatRetryAfterSays() {
    kibana.server().fault("POST", FakeKibana.RULES, 1, Reply.json(429,
        "{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":\"Too Many Requests\"}")
        .withHeader("Retry-After", "7"));
    PushRun run = push(ONE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(kibana.server().requests()).extracting(Recorded::method).containsExactly("GET", "POST", "POST");
    assertThat(kibana.emulator().rules()).containsKey(RULE);
  }

  @Test
  void aRetryAfterLongerThanTheLimitFailsAtOnceAndStopsTheRun() {
    kibana.server().fault("POST", FakeKibana.RULES, 1, Reply.json(429,
        "{\"statusCode\":429,\"error\":\"Too Many Requests\",\"message\":\"Too Many Requests\"}")
        .withHeader("Retry-After", "3600"));
    PushRun run = push(ONE, TWO_MORE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PUSH_FAILED);
    assertThat(clock.sleeps()).isEmpty();
    assertThat(run.out()).contains("cannot create rule " + RULE + ": Kibana answered HTTP 429 Too Many Requests:"
        + " Too Many Requests (the server asked to retry after 3600 s, longer than the 120 s detectc waits)")
        .contains("skipped ");
  }

  @Test
  void serverErrorsAreRetriedWithDoublingBackoff() {
    kibana.server().fault("POST", FakeKibana.RULES, 2, Reply.json(500,
        "{\"statusCode\":500,\"error\":\"Internal Server Error\",\"message\":\"An internal server error occurred.\"}"));
    PushRun run = push(ONE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(run.out()).contains("created       " + RULE);
  }

  @Test
  void aPersistentServerErrorFailsThatRuleOnlyAfterTheBoundedAttempts() {
    kibana.server().fault("POST", FakeKibana.RULES, 5, Reply.json(500,
        "{\"statusCode\":500,\"error\":\"Internal Server Error\",\"message\":\"An internal server error occurred.\"}"));
    PushRun run = push(ONE, TWO_MORE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PUSH_FAILED);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(8));
    assertThat(run.out()).contains("cannot create rule " + RULE + ": Kibana answered HTTP 500 Internal Server Error:"
        + " An internal server error occurred. (gave up after 5 attempts)")
        .contains("created       7d6766c5-5e9e-40cb-9deb-45c6106793ea");
    assertThat(run.err()).contains("1 created, 0 updated, 0 unchanged, 1 failed");
  }

  @Test
  void aDroppedConnectionIsRetried() {
    kibana.server().fault("POST", FakeKibana.RULES, 1, Reply.dropConnection());
    PushRun run = push(ONE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(1));
    assertThat(kibana.emulator().rules()).containsKey(RULE);
  }

  @Test
  void aCreateThatLandedBeforeTheConnectionDroppedIsConfirmedNotDuplicated() {
    kibana.server().processThenDrop("POST", FakeKibana.RULES, 1);
    PushRun run = push(ONE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    // The retried POST meets "already exists"; a fresh read shows the rule as desired.
    assertThat(kibana.server().requests()).extracting(Recorded::method).containsExactly("GET", "POST", "POST", "GET");
    assertThat(run.out()).contains("created       " + RULE)
        .contains("Kibana reported a conflict; reading the rule back shows it as desired");
    assertThat(kibana.emulator().rules()).hasSize(1);
  }

  @Test
  void aConnectionDroppedOnEveryAttemptFailsAndStopsTheRun() {
    kibana.server().fault("GET", FakeKibana.RULES, 100, Reply.dropConnection());
    PushRun run = push(ONE, TWO_MORE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PUSH_FAILED);
    // The JDK client itself retries a GET once when a reused connection closes: at most 2 per attempt.
    assertThat(kibana.server().requests().size()).isBetween(5, 10);
    assertThat(clock.sleeps()).hasSize(4);
    assertThat(run.out()).contains("cannot read rule " + RULE + ": the connection was dropped before a complete answer")
        .contains("(gave up after 5 attempts)").contains("skipped ");
  }

  @Test
  void anAddressNobodyListensOnFailsClearlyAfterTheBoundedAttempts() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    PushRun run = PushRun.run(Map.of("DETECTC_ELASTIC_API_KEY", KEY), PushRun.DOCUMENTED, clock, "--target", "esql",
        "--to", "http://127.0.0.1:" + port, "--env", ENV, ONE, TWO_MORE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.PUSH_FAILED);
    assertThat(run.out()).contains("cannot read rule " + RULE + ": cannot connect to 127.0.0.1:" + port
        + " (gave up after 5 attempts)").contains("skipped ");
    assertThat(clock.sleeps()).hasSize(4);
  }

  @Test
  void verboseLogsEveryRequestAndRetry() {
    kibana.server().fault("POST", FakeKibana.RULES, 1, Reply.json(503, "{\"statusCode\":503,\"error\":\"Service Unavailable\","
        + "\"message\":\"Kibana server is not ready yet\"}"));
    PushRun run = PushRun.run(Map.of("DETECTC_ELASTIC_API_KEY", KEY), PushRun.DOCUMENTED, clock, "--target", "lucene",
        "--to", kibana.server().url(), "--env", ENV, "--verbose", ONE);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    List<String> lines = run.err().lines().toList();
    assertThat(lines).contains("  GET " + kibana.server().url() + "/api/detection_engine/rules?rule_id=" + RULE + " -> 404",
        "  POST " + kibana.server().url() + "/api/detection_engine/rules -> Kibana answered HTTP 503 Service Unavailable:"
            + " Kibana server is not ready yet; retrying in 1 s (attempt 1 of 5)",
        "  POST " + kibana.server().url() + "/api/detection_engine/rules -> 200",
        "[1/1] created " + RULE + " DNS Zone Transfer Requested by a Host That Is Not an Approved Secondary");
  }
}
