package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The fixture of {@code golden/correlation-percentile-bucket} shows what the KQL warning means:
 * over its events, the sliding 10-minute window alerts for 10.0.0.5 while fixed 10-minute
 * buckets (what the KQL query computes) alert for nobody. Both are computed here naively, the
 * way the rule reads (95th percentile by nearest rank, windows [t - 10m, t] ending at an event).
 * When detectc's evaluator lands, its alerts for this case must equal expected-alerts.txt.
 */
class BucketDifferenceTest {

  private static final Path CASE = GoldenCases.ROOT.resolve("correlation-percentile-bucket");
  private static final Duration SPAN = Duration.ofMinutes(10);

  record Event(Instant time, String source, double value) {}

  @Test
  void slidingWindowAlertsWhereFixedBucketsDoNot() throws IOException {
    List<Event> events = events();
    assertThat(sliding(events)).containsExactly("10.0.0.5 at 2026-11-23T10:11:00Z");
    assertThat(bucketed(events)).isEmpty();
    assertThat(Files.readString(CASE.resolve("expected-alerts.txt"))).contains("src_ip=10.0.0.5 at 2026-11-23T10:11:00Z");
    assertThat(Files.readString(CASE.resolve("kql-sentinel-dnsevents.expected")))
        .contains("bin(_time, 10m)").contains("warning[approximate-window]");
  }

  private static List<Event> events() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Event> events = new ArrayList<>();
    for (String line : Files.readAllLines(CASE.resolve("events.ndjson"))) {
      JsonNode node = json.readTree(line);
      events.add(new Event(Instant.parse(node.get("timestamp").asText()), node.get("src_ip").asText(),
          node.get("response_code").asDouble()));
    }
    return events;
  }

  private static TreeSet<String> sliding(List<Event> events) {
    TreeSet<String> alerts = new TreeSet<>();
    for (Event end : events) {
      List<Double> window = new ArrayList<>();
      for (Event event : events) {
        if (event.source().equals(end.source()) && !event.time().isAfter(end.time())
            && !event.time().isBefore(end.time().minus(SPAN))) {
          window.add(event.value());
        }
      }
      if (p95(window) >= 2) {
        alerts.add(end.source() + " at " + end.time());
      }
    }
    // One alert per source: the first window end at which the condition held.
    Map<String, String> first = new TreeMap<>();
    alerts.forEach(alert -> first.putIfAbsent(alert.substring(0, alert.indexOf(' ')), alert));
    return new TreeSet<>(first.values());
  }

  private static TreeSet<String> bucketed(List<Event> events) {
    Map<String, List<Double>> buckets = new TreeMap<>();
    for (Event event : events) {
      long bucket = event.time().getEpochSecond() / SPAN.toSeconds();
      buckets.computeIfAbsent(event.source() + " " + bucket, key -> new ArrayList<>()).add(event.value());
    }
    TreeSet<String> alerts = new TreeSet<>();
    buckets.forEach((key, values) -> {
      if (p95(values) >= 2) {
        alerts.add(key);
      }
    });
    return alerts;
  }

  private static double p95(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
  }
}
