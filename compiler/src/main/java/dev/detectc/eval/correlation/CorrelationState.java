package dev.detectc.eval.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.alert.Alert;
import dev.detectc.eval.alert.Correlated;
import dev.detectc.eval.alert.EventRef;
import dev.detectc.eval.input.FieldPath;
import dev.detectc.eval.input.JsonValues;
import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.CorrelationType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The live state of one correlation rule: how it reads group-by and value fields from each
 * referenced rule's events (aliases resolved per rule), and how a fired window becomes an alert.
 * Subclasses keep the per-group windows.
 */
abstract class CorrelationState {

  /** Receives a correlation's alerts (for output and for correlations chained on this one). */
  interface Emitter {
    void fired(CorrelationState state, Alert alert);
  }

  final IrCorrelation correlation;
  final CorrelationRule rule;
  final long span;

  /**
   * No group expires before this event time: the head's expiry at the last sweep. Groups only
   * join or move behind the head with later expiries, so it stays a lower bound and most calls
   * to {@link #advanceTo} return at once.
   */
  long horizon = Long.MIN_VALUE;

  private final Emitter emitter;
  private final FieldPath[][] groupPaths;
  private final FieldPath[][] valuePaths;

  CorrelationState(IrCorrelation correlation, Emitter emitter) {
    this.correlation = correlation;
    this.rule = correlation.correlation();
    this.span = rule.timespan().toNanos() / 1_000L;
    this.emitter = emitter;
    int rules = correlation.rules().size();
    this.groupPaths = new FieldPath[rules][];
    this.valuePaths = new FieldPath[rules][];
    for (int i = 0; i < rules; i++) {
      groupPaths[i] = paths(rule.groupBy(), correlation.rules().get(i));
      valuePaths[i] = paths(rule.type().needsField() ? rule.fields() : List.of(), correlation.rules().get(i));
    }
  }

  private FieldPath[] paths(List<String> fields, IrDocument referenced) {
    String name = referenced.info().nameValue();
    String id = referenced.info().idValue();
    return fields.stream().map(field -> {
      String resolved = rule.resolveAlias(field, name);
      if (resolved.equals(field) && id != null) {
        resolved = rule.resolveAlias(field, id);
      }
      return FieldPath.of(resolved);
    }).toArray(FieldPath[]::new);
  }

  /** Accepts an item; items arrive in event-time order, after {@link #advanceTo} for their time. */
  abstract void accept(Item item);

  /** Event time has reached {@code clock}: close or drop what lies more than a timespan behind. */
  final void advanceTo(long clock) {
    // Checked here, before a subclass builds the lambdas for sweep(): this runs once per event.
    if (clock > horizon) {
      expire(clock);
    }
  }

  /** {@link #advanceTo} once {@code clock} is past the {@link #horizon}: usually a {@link #sweep}. */
  abstract void expire(long clock);

  /** Groups with live state. */
  abstract int activeGroups();

  /**
   * Takes groups off the head of {@code groups} (ordered by expiry) while they expired before
   * {@code clock}, handing each to {@code expired}; remembers the first survivor's expiry as the
   * {@link #horizon}, so calls before it return at once.
   */
  <G> void sweep(LinkedHashMap<String, G> groups, long clock, ToLongFunction<G> expiry, Consumer<G> expired) {
    if (clock <= horizon) {
      return;
    }
    Iterator<G> iterator = groups.values().iterator();
    while (iterator.hasNext()) {
      G group = iterator.next();
      long end = expiry.applyAsLong(group);
      if (end >= clock) {
        horizon = end;
        return;
      }
      iterator.remove();
      expired.accept(group);
    }
    horizon = clock;
  }

  /**
   * The item for an event of rule {@code ruleIndex}, or null when the event lacks a group-by
   * field or the value the correlation aggregates (such events do not take part).
   */
  Item extract(JsonNode fields, int ruleIndex, Contribution contribution) {
    FieldPath[] paths = groupPaths[ruleIndex];
    String[] group = new String[paths.length];
    for (int i = 0; i < paths.length; i++) {
      group[i] = scalar(paths[i].get(fields));
      if (group[i] == null) {
        return null;
      }
    }
    Object value = null;
    FieldPath[] values = valuePaths[ruleIndex];
    if (rule.type() == CorrelationType.VALUE_COUNT) {
      StringBuilder distinct = values.length == 1 ? null : new StringBuilder();
      for (FieldPath path : values) {
        String text = scalar(path.get(fields));
        if (text == null) {
          return null;
        }
        if (values.length == 1) {
          value = text;
        } else {
          distinct.append(text.length()).append(':').append(text);
        }
      }
      value = values.length == 1 ? value : distinct.toString();
    } else if (rule.type().needsField()) {
      JsonNode node = values.length == 0 ? null : values[0].get(fields);
      value = node == null ? null : JsonValues.number(node);
      if (value == null) {
        return null;
      }
    }
    return new Item(this, ruleIndex, groupKey(group), List.of(group), value, contribution);
  }

  /** One group-by field (the usual case) keys by the value itself, so key and group share one string. */
  private static String groupKey(String[] group) {
    if (group.length == 1) {
      return group[0];
    }
    StringBuilder key = new StringBuilder();
    for (String value : group) {
      key.append(value.length()).append(':').append(value);
    }
    return key.toString();
  }

  private static String scalar(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    String text = JsonValues.text(node);
    return text != null ? text : node.toString();
  }

  /** True when the correlation's thresholds hold for {@code value}. */
  boolean holds(BigDecimal value) {
    return value != null && rule.conditionHolds(value);
  }

  /** Builds the alert for a window that fired and hands it to the engine. */
  void fire(List<String> group, Collection<Item> items, BigDecimal value) {
    List<Item> ordered = new ArrayList<>(items);
    ordered.sort((a, b) -> Contribution.ORDER.compare(a.contribution(), b.contribution()));
    Map<String, String> groupMap = new LinkedHashMap<>();
    for (int i = 0; i < rule.groupBy().size(); i++) {
      groupMap.put(rule.groupBy().get(i), group.get(i));
    }
    List<EventRef> lines = new ArrayList<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Item item : ordered) {
      lines.addAll(item.contribution().lines());
      first = Math.min(first, item.contribution().first());
      last = Math.max(last, item.contribution().last());
    }
    EventRef at = ordered.get(ordered.size() - 1).contribution().at();
    Alert alert = new Alert(correlation.info(), at, Optional.of(new Correlated(groupMap, lines, first, last, value)));
    emitter.fired(this, alert);
  }
}
