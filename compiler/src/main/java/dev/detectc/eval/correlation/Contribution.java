package dev.detectc.eval.correlation;

import dev.detectc.eval.alert.EventRef;
import java.util.Comparator;
import java.util.List;

/**
 * One thing a correlation counts: a base rule's matching event, or an alert of a chained
 * correlation. {@code time} orders it in windows ({@code seq} breaks ties in arrival order);
 * {@code first}/{@code last} are the span of the events behind it. {@code inner} is null for a
 * single event, which keeps the common case to one small object.
 */
record Contribution(long time, long seq, EventRef at, List<EventRef> inner, long first, long last) {

  static final Comparator<Contribution> ORDER =
      Comparator.comparingLong(Contribution::time).thenComparingLong(Contribution::seq);

  static Contribution event(long time, long seq, EventRef at) {
    return new Contribution(time, seq, at, null, time, time);
  }

  /** The events behind this contribution. */
  List<EventRef> lines() {
    return inner == null ? List.of(at) : inner;
  }
}
