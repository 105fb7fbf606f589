package dev.detectc.eval.correlation;

import dev.detectc.condition.Condition;
import dev.detectc.condition.ConditionParser;
import dev.detectc.eval.input.EventTime;
import dev.detectc.ir.IrCorrelation;
import dev.detectc.rule.CorrelationType;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * temporal and temporal_ordered: within one timespan (inclusive) and one group, every
 * referenced rule matched (or the thresholds hold for the number of distinct rules matched, or
 * the rule-name condition holds over which rules matched); temporal_ordered also needs matches
 * in the order of {@code rules:}. Windows slide and fire once per burst, as in {@link SlidingWindows}.
 */
final class TemporalWindows extends CorrelationState {

  private final LinkedHashMap<String, Group> groups = new LinkedHashMap<>(64, 0.75f, true);
  private final List<String> names;
  private final Condition extended;
  private final boolean ordered;

  TemporalWindows(IrCorrelation correlation, Emitter emitter) {
    super(correlation, emitter);
    this.names = correlation.rules().stream().map(IrCorrelation::referenceName).toList();
    this.extended = rule.extendedCondition() == null ? null
        : new ConditionParser().parse(rule.extendedCondition().text()).condition();
    this.ordered = rule.type() == CorrelationType.TEMPORAL_ORDERED;
  }

  /** One group's matches, per referenced rule. */
  private static final class Group {
    final String key;
    final List<String> values;
    final List<ArrayDeque<Item>> byRule = new ArrayList<>();
    long lastTime;
    long firedStart = EventTime.NONE;

    Group(String key, List<String> values, int rules) {
      this.key = key;
      this.values = values;
      for (int i = 0; i < rules; i++) {
        byRule.add(new ArrayDeque<>(2));
      }
    }

    void clear() {
      byRule.forEach(ArrayDeque::clear);
    }
  }

  @Override
  void accept(Item item) {
    Group group = groups.computeIfAbsent(item.key(), key -> new Group(item.key(), item.group(), names.size()));
    long time = item.time();
    group.lastTime = time;
    if (group.firedStart != EventTime.NONE) {
      if (time <= group.firedStart + span) {
        return;
      }
      group.firedStart = EventTime.NONE;
    }
    boolean[] present = new boolean[names.size()];
    int distinct = 0;
    group.byRule.get(item.ruleIndex()).addLast(item.sharing(group.key, group.values));
    List<Item> window = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      ArrayDeque<Item> matches = group.byRule.get(i);
      while (!matches.isEmpty() && matches.peekFirst().time() < time - span) {
        matches.pollFirst();
      }
      present[i] = !matches.isEmpty();
      distinct += present[i] ? 1 : 0;
      window.addAll(matches);
    }
    if (conditionHolds(present, distinct) && (!ordered || inOrder(group))) {
      group.firedStart = window.stream().mapToLong(Item::time).min().getAsLong();
      fire(group.values, window, BigDecimal.valueOf(distinct));
      group.clear();
    }
  }

  private boolean conditionHolds(boolean[] present, int distinct) {
    if (extended != null) {
      return extended.accept(new RuleNameCondition(names, present));
    }
    if (!rule.thresholds().isEmpty()) {
      return ordered ? distinct == names.size() && holds(BigDecimal.valueOf(distinct)) : holds(BigDecimal.valueOf(distinct));
    }
    return distinct == names.size();
  }

  /** True when some match of each rule follows a match of the rule before it, in {@code rules:} order. */
  private static boolean inOrder(Group group) {
    Contribution previous = null;
    for (ArrayDeque<Item> matches : group.byRule) {
      Contribution next = null;
      for (Item item : matches) {
        if (previous == null || Contribution.ORDER.compare(item.contribution(), previous) > 0) {
          next = item.contribution();
          break;
        }
      }
      if (next == null) {
        return false;
      }
      previous = next;
    }
    return true;
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
