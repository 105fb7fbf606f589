package dev.detectc.eval.correlation;

import dev.detectc.eval.input.EventTime;
import dev.detectc.ir.IrCorrelation;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Count and value correlations whose condition only grows true ({@code gt}, {@code gte}): at
 * each item the group's window is every item of the last timespan (inclusive) up to it, so
 * the rule fires as soon as any span of that length satisfies the condition. A group fires
 * once per burst: after firing, its items up to the fired window's first time plus the
 * timespan are absorbed, and the next item after that starts a fresh window.
 */
final class SlidingWindows extends CorrelationState {

  /** Access-ordered: the least recently fed group is first, so expired groups are found at the head. */
  private final LinkedHashMap<String, Group> groups = new LinkedHashMap<>(64, 0.75f, true);

  SlidingWindows(IrCorrelation correlation, Emitter emitter) {
    super(correlation, emitter);
  }

  /** One group's window. */
  private static final class Group {
    final String key;
    final List<String> values;
    final ArrayDeque<Item> items = new ArrayDeque<>(4);
    Aggregate aggregate;
    long lastTime;
    long firedStart = EventTime.NONE;

    Group(String key, List<String> values, Aggregate aggregate) {
      this.key = key;
      this.values = values;
      this.aggregate = aggregate;
    }
  }

  @Override
  void accept(Item item) {
    Group group = groups.get(item.key());
    if (group == null) {
      group = new Group(item.key(), item.group(), Aggregate.of(rule.type(), rule.percentile()));
      groups.put(item.key(), group);
    }
    long time = item.time();
    group.lastTime = time;
    if (group.firedStart != EventTime.NONE) {
      if (time <= group.firedStart + span) {
        return;
      }
      group.firedStart = EventTime.NONE;
    }
    while (!group.items.isEmpty() && group.items.peekFirst().time() < time - span) {
      group.aggregate.remove(group.items.pollFirst());
    }
    Item stored = item.sharing(group.key, group.values);
    group.items.addLast(stored);
    group.aggregate.add(stored);
    BigDecimal value = group.aggregate.value();
    if (holds(value)) {
      group.firedStart = group.items.peekFirst().time();
      fire(group.values, group.items, value);
      group.items.clear();
      group.aggregate = Aggregate.of(rule.type(), rule.percentile());
    }
  }

  @Override
  void expire(long clock) {
    sweep(groups, clock, group -> group.lastTime + span, group -> { });
  }

  @Override
  int activeGroups() {
    return groups.size();
  }
}
