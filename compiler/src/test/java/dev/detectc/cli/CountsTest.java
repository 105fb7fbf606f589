package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CountsTest {

  @Test
  void groupsDigitsAsEnglishFormattingDoes() {
    long[] edges = {0, 7, 999, 1000, 12_345, 999_999, 1_000_000, -1, -1000, -123_456_789, Long.MAX_VALUE, Long.MIN_VALUE};
    for (long count : edges) {
      assertThat(Counts.grouped(count)).as("%d", count).isEqualTo(String.format(Locale.US, "%,d", count));
    }
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      long count = random.nextLong() >> random.nextInt(64);
      assertThat(Counts.grouped(count)).as("%d", count).isEqualTo(String.format(Locale.US, "%,d", count));
    }
  }
}
