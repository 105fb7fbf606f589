package dev.detectc.push;

import java.time.Duration;

/** Time as the retry loop sees it; tests substitute one whose sleeps return at once and are recorded. */
public interface RetryClock {

  RetryClock SYSTEM = new RetryClock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
      Thread.sleep(duration.toMillis());
    }
  };

  long nanoTime();

  void sleep(Duration duration) throws InterruptedException;
}
