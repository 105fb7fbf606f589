package dev.detectc.push;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLException;

/**
 * Sends one request with bounded retries: on 429 and 5xx (waiting what {@code Retry-After}
 * asks, else doubling backoff) and on timeouts and dropped connections. Other answers go back to
 * the caller as they are. Retrying a create is safe because every client treats "already exists"
 * as a reason to re-read, not as a failure. When the SIEM stays unreachable, or rate-limits for
 * longer than detectc waits, the failure is fatal: every later rule would only wait the same way.
 * A 5xx that persists is not, as it may be about this rule's body.
 */
public final class Transport {

  private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504);

  private final HttpClient client;
  private final RetryPolicy policy;
  private final RetryClock clock;
  private final Consumer<String> log;

  public Transport(HttpClient client, RetryPolicy policy, RetryClock clock, Consumer<String> log) {
    this.client = Objects.requireNonNull(client, "client");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * The final answer to {@code request}. {@code action} ("create rule X") starts failure
   * messages; {@code describe} turns an error answer into the SIEM's own words.
   */
  public HttpReply send(HttpRequest request, String action, Function<HttpReply, String> describe)
      throws PushFailure {
    HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(policy.requestTimeout())
        .build();
    String what = request.method() + " " + request.uri();
    long started = clock.nanoTime();
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<String> response = client.send(timed, HttpResponse.BodyHandlers.ofString());
        HttpReply reply = new HttpReply(response.statusCode(), response.headers(),
            response.body() == null ? "" : response.body(), attempt);
        if (!RETRYABLE.contains(reply.status())) {
          log.accept(what + " -> " + reply.status());
          return reply;
        }
        String problem = describe.apply(reply);
        Duration wait = serverWait(reply, action, problem).orElse(policy.backoff(attempt));
        waitBeforeRetry(what, action, problem, attempt, started, wait, reply.status() == 429);
      } catch (HttpTimeoutException e) {
        String problem = "no answer within " + seconds(policy.requestTimeout());
        waitBeforeRetry(what, action, problem, attempt, started, policy.backoff(attempt), true);
      } catch (IOException e) {
        if (causedBy(e, SSLException.class)) {
          throw new PushFailure("cannot " + action + ": TLS with " + request.uri().getHost() + " failed: "
              + rootMessage(e) + ". If the certificate is signed by a private CA, add it to the Java trust store"
              + " (-Djavax.net.ssl.trustStore=...); --insecure turns verification off, for test systems only", true);
        }
        String problem = causedBy(e, ConnectException.class)
            ? "cannot connect to " + request.uri().getHost() + ":" + port(request)
            : "the connection was dropped before a complete answer (" + rootMessage(e) + ")";
        waitBeforeRetry(what, action, problem, attempt, started, policy.backoff(attempt), true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PushFailure("cannot " + action + ": interrupted while talking to " + request.uri().getHost(), true);
      }
    }
  }

  /** The wait a {@code Retry-After} header asks for; one longer than detectc waits ends the run. */
  private Optional<Duration> serverWait(HttpReply reply, String action, String problem) throws PushFailure {
    Optional<Duration> asked = RetryAfter.parse(reply.headers().firstValue("Retry-After").orElse(null), Instant.now());
    if (asked.isPresent() && asked.get().compareTo(policy.maxRetryAfter()) > 0) {
      throw new PushFailure("cannot " + action + ": " + problem + " (the server asked to retry after "
          + seconds(asked.get()) + ", longer than the " + seconds(policy.maxRetryAfter()) + " detectc waits)", true);
    }
    return asked;
  }

  private void waitBeforeRetry(String what, String action, String problem, int attempt, long started,
      Duration wait, boolean fatalWhenExhausted) throws PushFailure {
    String tries = attempt == 1 ? "1 attempt" : attempt + " attempts";
    if (attempt >= policy.maxAttempts()) {
      throw new PushFailure("cannot " + action + ": " + problem + " (gave up after " + tries + ")",
          fatalWhenExhausted);
    }
    Duration elapsed = Duration.ofNanos(clock.nanoTime() - started);
    if (elapsed.plus(wait).compareTo(policy.budget()) > 0) {
      throw new PushFailure("cannot " + action + ": " + problem + " (gave up after " + tries + ": waiting " + seconds(wait)
          + " more would pass the " + seconds(policy.budget()) + " budget)", fatalWhenExhausted);
    }
    log.accept(what + " -> " + problem + "; retrying in " + seconds(wait) + " (attempt " + attempt + " of "
        + policy.maxAttempts() + ")");
    try {
      clock.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PushFailure("cannot " + action + ": " + problem + " (interrupted while waiting to retry)", true);
    }
  }

  static String seconds(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.3f s", millis / 1000.0);
  }

  private static int port(HttpRequest request) {
    int port = request.uri().getPort();
    return port >= 0 ? port : "https".equals(request.uri().getScheme()) ? 443 : 80;
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
