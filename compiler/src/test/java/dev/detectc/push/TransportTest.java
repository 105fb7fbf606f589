package dev.detectc.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.detectc.push.fake.FakeClock;
import dev.detectc.push.fake.FakeSiemServer;
import dev.detectc.push.fake.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry loop's bounds: request timeouts, the time budget, and which answers are not retried. */
class TransportTest {

  /** Answers are awaited 10 s: a loaded CI machine must not turn an answer into a timeout. */
  static final RetryPolicy PATIENT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30),
      Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(5));
  /** For the timeout tests only: the server's slow answers take 2.5 s, five times this timeout. */
  static final RetryPolicy IMPATIENT = PATIENT.withRequestTimeout(Duration.ofMillis(500));

  final FakeClock clock = new FakeClock();
  final List<String> log = new ArrayList<>();

  Transport transport(RetryPolicy policy) {
    return new Transport(HttpClients.create(policy, true), policy, clock, log::add);
  }

  static HttpRequest get(FakeSiemServer server) {
    return HttpRequest.newBuilder(URI.create(server.url() + "/x")).GET().build();
  }

  @Test
  void aSlowAnswerTimesOutAndIsRetriedWithinTheAttemptLimit() throws Exception {
    try (FakeSiemServer server = FakeSiemServer.start(request -> Reply.json(200, "{}"))) {
      server.fault("GET", "/x", 1, Reply.json(200, "{}").after(2500));
      HttpReply reply = transport(IMPATIENT).send(get(server), "read x", r -> "HTTP " + r.status());
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.attempts()).isBetween(2, 3);
      assertThat(log).anyMatch(line -> line.contains("no answer within 0.500 s; retrying in 1 s (attempt 1 of 3)"));
    }
  }

  @Test
  void timeoutsOnEveryAttemptEndInAFatalFailure() throws Exception {
    try (FakeSiemServer server = FakeSiemServer.start(request -> Reply.json(200, "{}").after(2500))) {
      assertThatThrownBy(() -> transport(IMPATIENT).send(get(server), "read x", r -> "HTTP " + r.status()))
          .isInstanceOf(PushFailure.class)
          .hasMessage("cannot read x: no answer within 0.500 s (gave up after 3 attempts)")
          .matches(failure -> ((PushFailure) failure).fatal());
    }
  }

  @Test
  void theTimeBudgetEndsRetriesBeforeTheAttemptLimit() throws Exception {
    RetryPolicy tight = new RetryPolicy(10, Duration.ofSeconds(4), Duration.ofSeconds(30), Duration.ofMinutes(2),
        Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(2));
    try (FakeSiemServer server = FakeSiemServer.start(request -> Reply.json(503, "{}"))) {
      assertThatThrownBy(() -> transport(tight).send(get(server), "read x", r -> "HTTP " + r.status()))
          .hasMessage("cannot read x: HTTP 503 (gave up after 2 attempts: waiting 8 s more would pass the 10 s budget)");
      assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(4));
      assertThat(server.requests()).hasSize(2);
    }
  }

  @Test
  void clientErrorsAndRedirectsAreReturnedAtOnce() throws Exception {
    try (FakeSiemServer server = FakeSiemServer.start(request -> Reply.json(400, "{}"))) {
      server.fault("GET", "/x", 1, Reply.json(302, "").withHeader("Location", "https://elsewhere.example/x"));
      assertThat(transport(PATIENT).send(get(server), "read x", r -> "").status()).isEqualTo(302);
      assertThat(transport(PATIENT).send(get(server), "read x", r -> "").status()).isEqualTo(400);
      assertThat(server.requests()).hasSize(2);
      assertThat(clock.sleeps()).isEmpty();
    }
  }

  @Test
  void aRedirectIsReportedWithItsTargetNotFollowed() throws Exception {
    try (FakeSiemServer server = FakeSiemServer.start(request -> Reply.json(301, "")
        .withHeader("Location", "https://kibana.other.example/api/detection_engine/rules"))) {
      KibanaClient client = new KibanaClient(URI.create(server.url()), "a-long-enough-key", transport(PATIENT));
      DesiredRule rule = new DesiredRule("r", "t", "f.yml", "r", SiemRequests.JSON.createObjectNode().put("rule_id", "r"));
      assertThatThrownBy(() -> client.read(rule)).hasMessageContaining("cannot read rule r: Kibana answered HTTP 301"
          + " (redirected to https://kibana.other.example/api/detection_engine/rules; detectc does not follow"
          + " redirects with credentials: point --to at the final address)");
      assertThat(server.requests()).hasSize(1);
    }
  }
}
