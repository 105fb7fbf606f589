package dev.detectc.push.fake;

import dev.detectc.push.RetryClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A retry clock whose sleeps return at once, move its time forward and are recorded for assertions. */
public final class FakeClock implements RetryClock {

  private long nanos;
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    nanos += duration.toNanos();
  }

  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
