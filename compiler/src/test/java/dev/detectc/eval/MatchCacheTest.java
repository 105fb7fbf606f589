package dev.detectc.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class MatchCacheTest {

  @Test
  void answersAsTheTestDoesAndRemembersRepeats() {
    AtomicInteger calls = new AtomicInteger();
    Predicate<String> even = value -> {
      calls.incrementAndGet();
      return value.length() % 2 == 0;
    };
    MatchCache cache = new MatchCache(even);
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 5000; i++) {
        String value = "v".repeat(i % 7) + i;
        assertThat(cache.test(value)).as(value).isEqualTo(value.length() % 2 == 0);
      }
    }
    assertThat(calls.get()).as("colliding values are recomputed, never confused").isBetween(5000, 15000);
    calls.set(0);
    for (int i = 0; i < 100; i++) {
      cache.test("hot");
    }
    assertThat(calls.get()).isEqualTo(1);
    String huge = "x".repeat(1000);
    cache.test(huge);
    cache.test(huge);
    assertThat(calls.get()).as("long values are not cached").isEqualTo(3);
  }
}
