package dev.detectc.target.elastic.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the dsl target's chain bodies (a temporal correlation over rules and counted
 * correlations) as Elasticsearch would, below the outer {@code date_histogram} and
 * {@code terms} levels that {@link DslAggregationRun} reads: each {@code member_<n>} is a
 * {@code filter} aggregation, so its documents are those of the terms bucket its query matches;
 * a counted member's filter holds a {@code date_histogram} of its own interval (a bucket per
 * interval with at least one of its documents, {@code min_doc_count: 1}) whose buckets its
 * {@code bucket_selector} keeps by count or cardinality. The outer {@code bucket_selector} reads
 * {@code member_<n>._count} (the filter's document count) for a plain member and
 * {@code member_<n>>window._bucket_count} (the inner buckets left after their own selector, which
 * Elasticsearch reduces first) for a counted one, and keeps the terms bucket when its script,
 * the number of members above 0 compared with the temporal's condition, holds. Any other
 * shape fails the test.
 */
final class DslChainRun {

  private static final Pattern CONDITION = Pattern.compile("\\((.+)\\) (>=|>|<=|<|==|!=) (-?[0-9]+(?:\\.[0-9]+)?)");

  /** One member: the documents its filter matches and, for a counted one, its inner interval and count. */
  private record Member(Set<String> matched, long span, DslAggregationRun.Counting counting, int field) {}

  private DslChainRun() {}

  static Set<DslAggregationRun.Bucket> run(FixtureIndex index, JsonNode query, long span, List<String> groupFields,
      JsonNode level) throws Exception {
    DslTranslator translator = new DslTranslator(index.queries());
    List<String> fields = new ArrayList<>(groupFields);
    List<Member> members = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Map<String, String> paths = new LinkedHashMap<>();
    for (int n = 1; level.has("member_" + n); n++) {
      String name = "member_" + n;
      JsonNode member = level.get(name);
      Set<String> matched = index.search(translator.translate(member.get("filter")));
      if (member.size() == 1) {
        DslAggregationRun.expectFields(member, "filter");
        members.add(new Member(matched, 0, null, -1));
        paths.put(name, name + "._count");
      } else {
        DslAggregationRun.expectFields(member, "filter", "aggs");
        JsonNode window = DslAggregationRun.only(member.get("aggs"), "window");
        DslAggregationRun.Counting counting = DslAggregationRun.Counting.read(window.get("aggs"));
        int field = -1;
        if (counting.field() != null) {
          field = fields.size();
          fields.add(counting.field());
        }
        members.add(new Member(matched, DslAggregationRun.span(window), counting, field));
        paths.put(name, name + ">window._bucket_count");
      }
      names.add(name);
    }
    List<String> expected = new ArrayList<>(names);
    expected.add("condition");
    DslAggregationRun.expectFields(level, expected.toArray(String[]::new));
    JsonNode selector = DslAggregationRun.only(level.get("condition"), "bucket_selector");
    DslAggregationRun.expectFields(selector, "buckets_path", "script");
    DslAggregationRun.expectFields(selector.get("buckets_path"), names.toArray(String[]::new));
    paths.forEach((name, path) -> {
      if (!selector.get("buckets_path").get(name).asText().equals(path)) {
        throw new IllegalArgumentException("the selector reads " + selector.get("buckets_path") + " for " + name);
      }
    });
    Predicate<BigDecimal> condition = seen(selector.get("script").asText(), names);

    Map<DslAggregationRun.Bucket, List<FixtureIndex.Hit>> buckets = new LinkedHashMap<>();
    for (FixtureIndex.Hit hit : index.hits(translator.translate(query), fields)) {
      if (hit.time() == null) {
        continue; // date_histogram leaves out documents without the field.
      }
      long start = Math.floorDiv(hit.time(), span) * span;
      for (List<String> group : ThresholdRuleRun.combinations(hit.values().subList(0, groupFields.size()))) {
        buckets.computeIfAbsent(new DslAggregationRun.Bucket(start, group), key -> new ArrayList<>()).add(hit);
      }
    }
    Set<DslAggregationRun.Bucket> kept = new LinkedHashSet<>();
    for (Map.Entry<DslAggregationRun.Bucket, List<FixtureIndex.Hit>> bucket : buckets.entrySet()) {
      int count = 0;
      for (Member member : members) {
        count += seen(member, bucket.getValue()) ? 1 : 0;
      }
      if (condition.test(BigDecimal.valueOf(count))) {
        kept.add(bucket.getKey());
      }
    }
    return kept;
  }

  /** Whether {@code member} is seen among a terms bucket's {@code hits}. */
  private static boolean seen(Member member, List<FixtureIndex.Hit> hits) {
    List<FixtureIndex.Hit> own = hits.stream().filter(hit -> member.matched().contains(hit.key())).toList();
    if (member.counting() == null) {
      return !own.isEmpty();
    }
    Map<Long, List<FixtureIndex.Hit>> inner = new LinkedHashMap<>();
    for (FixtureIndex.Hit hit : own) {
      inner.computeIfAbsent(Math.floorDiv(hit.time(), member.span()), key -> new ArrayList<>()).add(hit);
    }
    return inner.values().stream().anyMatch(bucket -> member.counting().keeps(bucket, member.field()));
  }

  /**
   * The outer script: {@code (params.member_1 > 0 ? 1 : 0) + ...} over every member in order,
   * in parentheses, compared with a number; comparisons joined with {@code &&}.
   */
  static Predicate<BigDecimal> seen(String script, List<String> names) {
    String total = String.join(" + ", names.stream().map(name -> "(params." + name + " > 0 ? 1 : 0)").toList());
    Predicate<BigDecimal> all = value -> true;
    for (String part : script.split(" && ", -1)) {
      Matcher matcher = CONDITION.matcher(part);
      if (!matcher.matches() || !matcher.group(1).equals(total)) {
        throw new IllegalArgumentException("unexpected selector script " + script);
      }
      all = all.and(DslAggregationRun.condition("params.count " + matcher.group(2) + " " + matcher.group(3)));
    }
    return all;
  }
}
