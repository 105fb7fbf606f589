package dev.detectc.target.elastic.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * Runs the counting search bodies of the dsl target over the fixture index as Elasticsearch
 * would: the {@code query} (translated by {@link DslTranslator}) selects the events, the
 * {@code date_histogram} puts each in one fixed bucket {@code [k * interval, (k + 1) * interval)}
 * of {@code @timestamp} (offset 0, UTC), each nested {@code terms} level splits a bucket by a
 * field's doc values (an event without the field is in no bucket, one with several values in
 * each), an optional {@code cardinality} counts distinct doc values, and the
 * {@code bucket_selector} keeps the innermost buckets whose {@code _count} or cardinality meets
 * its script. Only the shape the target writes is read; anything else fails the test, so the
 * body cannot quietly grow a part this interpreter ignores.
 */
public final class DslAggregationRun {

  /** One bucket left after the selector: its start (epoch microseconds) and the terms keys, outermost first. */
  public record Bucket(long start, List<String> group) {}

  private static final java.util.regex.Pattern CONDITION =
      java.util.regex.Pattern.compile("params\\.count (>=|>|<=|<|==|!=) (-?[0-9]+(?:\\.[0-9]+)?)");

  private DslAggregationRun() {}

  /** The buckets {@code body} returns over {@code index}. */
  public static Set<Bucket> run(FixtureIndex index, JsonNode body) throws Exception {
    expectFields(body, "size", "query", "aggs");
    if (body.get("size").asInt(-1) != 0) {
      throw new IllegalArgumentException("a counting body asks for no hits: " + body.get("size"));
    }
    JsonNode window = only(body.get("aggs"), "window");
    long span = span(window);
    List<String> groupFields = new ArrayList<>();
    JsonNode level = window.get("aggs");
    while (level.size() == 1 && level.fields().next().getKey().startsWith("group_")) {
      JsonNode terms = level.fields().next().getValue();
      expectFields(terms, "terms", "aggs");
      expectFields(terms.get("terms"), "field", "size");
      groupFields.add(terms.get("terms").get("field").asText());
      level = terms.get("aggs");
    }
    if (level.has("member_1")) {
      return DslChainRun.run(index, body.get("query"), span, groupFields, level);
    }
    Counting counting = Counting.read(level);
    List<String> fields = new ArrayList<>(groupFields);
    if (counting.field() != null) {
      fields.add(counting.field());
    }
    Map<Bucket, List<FixtureIndex.Hit>> buckets = new LinkedHashMap<>();
    for (FixtureIndex.Hit hit : index.hits(new DslTranslator(index.queries()).translate(body.get("query")), fields)) {
      if (hit.time() == null) {
        continue; // date_histogram leaves out documents without the field.
      }
      long start = Math.floorDiv(hit.time(), span) * span;
      for (List<String> group : ThresholdRuleRun.combinations(hit.values().subList(0, groupFields.size()))) {
        buckets.computeIfAbsent(new Bucket(start, group), key -> new ArrayList<>()).add(hit);
      }
    }
    Set<Bucket> kept = new LinkedHashSet<>();
    for (Map.Entry<Bucket, List<FixtureIndex.Hit>> bucket : buckets.entrySet()) {
      if (counting.keeps(bucket.getValue(), fields.size() - 1)) {
        kept.add(bucket.getKey());
      }
    }
    return kept;
  }

  /**
   * The aggregations of a bucket kept by its count: an optional {@code cardinality} named
   * {@code value_count} and the {@code bucket_selector} named {@code condition} over it or over
   * {@code _count}; {@code field} is the counted field, null for the document count.
   */
  record Counting(String field, Predicate<BigDecimal> selects) {

    static Counting read(JsonNode level) {
      String counted = null;
      if (level.has("value_count")) {
        expectFields(level, "value_count", "condition");
        JsonNode cardinality = only(level.get("value_count"), "cardinality");
        expectFields(cardinality, "field", "precision_threshold");
        counted = cardinality.get("field").asText();
      } else {
        expectFields(level, "condition");
      }
      JsonNode selector = only(level.get("condition"), "bucket_selector");
      expectFields(selector, "buckets_path", "script");
      String path = only(selector.get("buckets_path"), "count").asText();
      if (!path.equals(counted == null ? "_count" : "value_count")) {
        throw new IllegalArgumentException("the selector reads " + path);
      }
      return new Counting(counted, DslAggregationRun.condition(selector.get("script").asText()));
    }

    /** Whether a bucket holding {@code hits} stays; the counted field's values are at {@code at} in each hit. */
    boolean keeps(List<FixtureIndex.Hit> hits, int at) {
      BigDecimal measure;
      if (field == null) {
        measure = BigDecimal.valueOf(hits.size());
      } else {
        Set<String> distinct = new HashSet<>();
        hits.forEach(hit -> distinct.addAll(hit.values().get(at)));
        measure = BigDecimal.valueOf(distinct.size());
      }
      return selects.test(measure);
    }
  }

  /** The interval of a {@code date_histogram} of the shape the target writes, in epoch microseconds. */
  static long span(JsonNode window) {
    expectFields(window, "date_histogram", "aggs");
    JsonNode histogram = window.get("date_histogram");
    expectFields(histogram, "field", "fixed_interval", "min_doc_count");
    if (!histogram.get("field").asText().equals("@timestamp") || histogram.get("min_doc_count").asInt() != 1) {
      throw new IllegalArgumentException("unexpected date_histogram " + histogram);
    }
    return interval(histogram.get("fixed_interval").asText()).toNanos() / 1000;
  }

  /** The selector script: comparisons of {@code params.count} joined with {@code &&}. */
  static Predicate<BigDecimal> condition(String script) {
    Predicate<BigDecimal> all = value -> true;
    for (String part : script.split(" && ", -1)) {
      Matcher matcher = CONDITION.matcher(part);
      if (!matcher.matches()) {
        throw new IllegalArgumentException("unexpected selector script " + script);
      }
      BigDecimal limit = new BigDecimal(matcher.group(2));
      String op = matcher.group(1);
      all = all.and(value -> {
        int order = value.compareTo(limit);
        switch (op) {
          case ">=": return order >= 0;
          case ">": return order > 0;
          case "<=": return order <= 0;
          case "<": return order < 0;
          case "==": return order == 0;
          default: return order != 0;
        }
      });
    }
    return all;
  }

  static Duration interval(String text) {
    Matcher matcher = java.util.regex.Pattern.compile("([0-9]+)(s|m|h|d)").matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("unexpected fixed_interval " + text);
    }
    long amount = Long.parseLong(matcher.group(1));
    switch (matcher.group(2)) {
      case "s": return Duration.ofSeconds(amount);
      case "m": return Duration.ofMinutes(amount);
      case "h": return Duration.ofHours(amount);
      default: return Duration.ofDays(amount);
    }
  }

  static JsonNode only(JsonNode object, String name) {
    expectFields(object, name);
    return object.get(name);
  }

  static void expectFields(JsonNode object, String... names) {
    Set<String> actual = new TreeSet<>();
    Iterator<String> fields = object.fieldNames();
    fields.forEachRemaining(actual::add);
    if (!actual.equals(new TreeSet<>(List.of(names)))) {
      throw new IllegalArgumentException("expected exactly " + List.of(names) + " in " + object);
    }
  }
}
