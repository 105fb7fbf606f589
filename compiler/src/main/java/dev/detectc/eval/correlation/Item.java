package dev.detectc.eval.correlation;

import java.util.List;

/**
 * A contribution routed to one correlation: which of its rules it came from ({@code ruleIndex}),
 * its group ({@code key}, and the values for the alert) and the value it adds to an aggregate
 * (the distinct-value text, a number, or null when the type aggregates nothing).
 */
record Item(CorrelationState target, int ruleIndex, String key, List<String> group, Object value, Contribution contribution) {

  long time() {
    return contribution.time();
  }

  /** The same item holding its group's own key and values, so a window does not keep a copy per item. */
  Item sharing(String groupKey, List<String> groupValues) {
    return key == groupKey ? this : new Item(target, ruleIndex, groupKey, groupValues, value, contribution);
  }
}
