package dev.detectc.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After parsing and the backoff schedule. */
class RetryTest {

  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void retryAfterTakesSecondsOrAnHttpDate() {
    assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("Mon, 30 Nov 2026 10:01:30 GMT", NOW)).contains(Duration.ofSeconds(90));
    assertThat(RetryAfter.parse("Mon, 30 Nov 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("99999999999999999999999", NOW).get()).isGreaterThan(Duration.ofDays(365));
  }

  @Test
  void unreadableRetryAfterIsIgnored() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
  }

  @Test
  void backoffDoublesUpToItsCap() {
    RetryPolicy policy = RetryPolicy.DEFAULT;
    assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(policy.backoff(6)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.backoff(1000)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aPolicyIsBounded() {
    assertThatThrownBy(() -> RetryPolicy.DEFAULT.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.DEFAULT.withRequestTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
