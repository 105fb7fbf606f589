package dev.detectc.eval.correlation;

import dev.detectc.ir.IrCorrelation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Count and value correlations whose condition can turn false as items arrive ({@code lt},
 * {@code lte}, {@code eq}, {@code neq}): "fewer than 5" is only known once the window is over.
 * A group's window opens at its first item and closes a timespan later; the condition is tested
 * once, when event time passes the close. The next item opens the next window. A window the
 * input ends inside is not tested, since its missing part could hold more events.
 */
final class ClosingWindows extends CorrelationState {

  /** Insertion-ordered: windows open in time order, so the head closes first. */
  private final LinkedHashMap<String, Group> groups = new LinkedHashMap<>();

  ClosingWindows(IrCorrelation correlation, Emitter emitter) {
    super(correlation, emitter);
  }

  /** One group's open window. */
  private static final class Group {
    final String key;
    final List<String> values;
    final long start;
    final List<Item> items = new ArrayList<>(4);
    final Aggregate aggregate;

    Group(String key, List<String> values, long start, Aggregate aggregate) {
      this.key = key;
      this.values = values;
      this.start = start;
      this.aggregate = aggregate;
    }
  }

  @Override
  void accept(Item item) {
    Group group = groups.get(item.key());
    if (group == null) {
      group = new Group(item.key(), item.group(), item.time(), Aggregate.of(rule.type(), rule.percentile()));
      groups.put(item.key(), group);
    }
    Item stored = item.sharing(group.key, group.values);
    group.items.add(stored);
    group.aggregate.add(stored);
  }

  @Override
  void expire(long clock) {
    sweep(groups, clock, group -> group.start + span, group -> {
      if (holds(group.aggregate.value())) {
        fire(group.values, group.items, group.aggregate.value());
      }
    });
  }

  @Override
  int activeGroups() {
    return groups.size();
  }
}
