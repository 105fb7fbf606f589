package dev.detectc.eval.correlation;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * Items waiting to be counted in time order. Logs are mostly in order, so items arriving in
 * order queue at O(1) and only stragglers go to a heap; the earlier of the two heads comes out
 * first.
 */
final class ReorderBuffer {

  private final ArrayDeque<Item> inOrder = new ArrayDeque<>();
  private final PriorityQueue<Item> stragglers = new PriorityQueue<>(ReorderBuffer::compare);

  private static int compare(Item a, Item b) {
    int byTime = Long.compare(a.time(), b.time());
    return byTime != 0 ? byTime : Long.compare(a.contribution().seq(), b.contribution().seq());
  }

  void add(Item item) {
    Item last = inOrder.peekLast();
    if (last == null || compare(item, last) >= 0) {
      inOrder.addLast(item);
    } else {
      stragglers.add(item);
    }
  }

  /** The earliest item, or null. */
  Item peek() {
    Item first = inOrder.peekFirst();
    Item straggler = stragglers.peek();
    if (first == null) {
      return straggler;
    }
    return straggler == null || compare(first, straggler) <= 0 ? first : straggler;
  }

  Item poll() {
    Item next = peek();
    if (next != null) {
      if (next == inOrder.peekFirst()) {
        inOrder.pollFirst();
      } else {
        stragglers.poll();
      }
    }
    return next;
  }

  int size() {
    return inOrder.size() + stragglers.size();
  }
}
