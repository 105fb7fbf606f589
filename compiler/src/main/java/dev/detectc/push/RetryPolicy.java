package dev.detectc.push;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard push tries: every retry loop is bounded by {@code maxAttempts} and by {@code budget}
 * (wall time for one request including waits). Backoff doubles from {@code initialBackoff} up to
 * {@code maxBackoff}; a {@code Retry-After} longer than {@code maxRetryAfter} ends the attempts.
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration maxRetryAfter,
    Duration budget,
    Duration requestTimeout,
    Duration connectTimeout) {

  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30),
      Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(10));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    for (Duration duration : new Duration[] {initialBackoff, maxBackoff, maxRetryAfter, budget, requestTimeout,
        connectTimeout}) {
      if (Objects.requireNonNull(duration, "duration").isNegative()) {
        throw new IllegalArgumentException("durations must not be negative");
      }
    }
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, initialBackoff, maxBackoff, maxRetryAfter, budget, requestTimeout, connectTimeout);
  }

  public RetryPolicy withRequestTimeout(Duration timeout) {
    return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, budget, timeout, connectTimeout);
  }

  /** The wait before attempt {@code attempt + 1} when the server gave no Retry-After: doubling, capped. */
  public Duration backoff(int attempt) {
    Duration delay = initialBackoff;
    for (int i = 1; i < attempt && delay.compareTo(maxBackoff) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
  }
}
