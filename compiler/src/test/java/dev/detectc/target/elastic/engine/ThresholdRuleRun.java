package dev.detectc.target.elastic.engine;

import dev.detectc.target.elastic.KibanaRule;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.search.Query;

/**
 * A Kibana threshold rule run over the fixture index as the detection engine runs it (read in
 * Kibana's x-pack security_solution threshold executor): every {@code interval} the rule's
 * query searches its look-back ({@code from: now-interval}), the hits are grouped by the
 * {@code threshold.field} list (a composite of terms sources: an event lacking one of the
 * fields is in no group, a multi-valued field puts it in one group per value), and a group
 * alerts when its event count is at least {@code threshold.value} ({@code count_check}) and,
 * with a {@code threshold.cardinality}, its number of distinct values of that field is at least
 * the cardinality's value ({@code cardinality_check}).
 *
 * <p>The runs are placed at multiples of the interval since the epoch, so the look-backs are
 * consecutive fixed buckets, the ones ES|QL's {@code DATE_TRUNC} makes, but closed at both ends
 * as Kibana's range filter is ({@code gte: from, lte: to}): an event exactly on an edge is in two
 * runs. As in Kibana, a run leaves out of a group the events at or before the newest event of
 * that group's last alert (the threshold signal history's {@code lastSignalTimestamp} filter),
 * so an edge event is not counted again once it has alerted.
 */
public final class ThresholdRuleRun {

  /** One alert: the run's look-back start (epoch microseconds) and the group's values in threshold-field order. */
  public record Alert(long start, List<String> group) {}

  private ThresholdRuleRun() {}

  /** The alerts of {@code threshold} with {@code query} over {@code index}, runs {@code interval} apart. */
  public static Set<Alert> run(FixtureIndex index, Query query, KibanaRule.Threshold threshold, Duration interval)
      throws IOException {
    long span = interval.toNanos() / 1000;
    List<String> fields = new ArrayList<>(threshold.fields());
    threshold.cardinality().ifPresent(cardinality -> fields.add(cardinality.field()));
    TreeMap<Long, List<FixtureIndex.Hit>> runs = new TreeMap<>();
    for (FixtureIndex.Hit hit : index.hits(query, fields)) {
      if (hit.time() == null) {
        throw new IllegalStateException(hit.key() + " has no time; a threshold rule cannot place it");
      }
      long run = Math.floorDiv(hit.time(), span);
      runs.computeIfAbsent(run, key -> new ArrayList<>()).add(hit);
      if (Math.floorMod(hit.time(), span) == 0) {
        runs.computeIfAbsent(run - 1, key -> new ArrayList<>()).add(hit);
      }
    }
    Map<List<String>, Long> lastSignal = new HashMap<>();
    Set<Alert> alerts = new LinkedHashSet<>();
    for (Map.Entry<Long, List<FixtureIndex.Hit>> run : runs.entrySet()) {
      Map<List<String>, List<FixtureIndex.Hit>> groups = new LinkedHashMap<>();
      for (FixtureIndex.Hit hit : run.getValue()) {
        for (List<String> group : combinations(hit.values().subList(0, threshold.fields().size()))) {
          if (hit.time() > lastSignal.getOrDefault(group, Long.MIN_VALUE)) {
            groups.computeIfAbsent(group, key -> new ArrayList<>()).add(hit);
          }
        }
      }
      groups.forEach((group, hits) -> {
        Set<String> distinct = new HashSet<>();
        hits.forEach(hit -> distinct.addAll(hit.values().get(fields.size() - 1)));
        boolean enough = hits.size() >= threshold.value()
            && threshold.cardinality().map(cardinality -> distinct.size() >= cardinality.value()).orElse(true);
        if (enough) {
          alerts.add(new Alert(run.getKey() * span, group));
          lastSignal.put(group, hits.stream().mapToLong(FixtureIndex.Hit::time).max().orElseThrow());
        }
      });
    }
    return alerts;
  }

  /** Every combination of one value per field; none when a field has no value. */
  static List<List<String>> combinations(List<Set<String>> values) {
    List<List<String>> all = new ArrayList<>();
    all.add(List.of());
    for (Set<String> options : values) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : all) {
        for (String option : new TreeSet<>(options)) {
          List<String> longer = new ArrayList<>(prefix);
          longer.add(option);
          next.add(List.copyOf(longer));
        }
      }
      all = next;
    }
    return all;
  }
}
