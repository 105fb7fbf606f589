package dev.detectc.target.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import dev.detectc.eval.CompiledRules;
import dev.detectc.eval.Evaluation;
import dev.detectc.eval.input.Event;
import dev.detectc.eval.input.EventReader;
import dev.detectc.eval.input.EventReaders;
import dev.detectc.eval.input.EventTime;
import dev.detectc.eval.input.ReadProblems;
import dev.detectc.ir.IrRule;
import dev.detectc.ir.RuleSet;
import dev.detectc.ir.RuleSetBuilder;
import dev.detectc.rule.Environment;
import dev.detectc.rule.LoadedFile;
import dev.detectc.rule.RuleLoader;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Diagnostics;
import dev.detectc.target.CompileResult;
import dev.detectc.target.KibanaPackage;
import dev.detectc.target.Profile;
import dev.detectc.target.RuleCompiler;
import dev.detectc.target.Target;
import dev.detectc.target.elastic.engine.DslAggregationRun;
import dev.detectc.target.elastic.engine.DslTranslator;
import dev.detectc.target.elastic.engine.EsQueryStringParser;
import dev.detectc.target.elastic.engine.FixtureIndex;
import dev.detectc.target.elastic.engine.IndexMapping;
import dev.detectc.target.elastic.engine.ThresholdRuleRun;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The fixture proof in a real engine: every case of the DET0877 suites and of the Elastic edge
 * cases is indexed into an in-memory Lucene index mapped like Elasticsearch, and each
 * single-event rule's emitted Lucene query string (parsed by Lucene's classic QueryParser) and
 * Query DSL query (translated to Lucene queries) must find exactly the events the evaluator
 * alerts on, read by the evaluator's own readers (NDJSON and Zeek TSV). Each event_count and
 * value_count correlation is run as the Kibana threshold rule of the lucene target
 * ({@link ThresholdRuleRun}) and as the dsl target's search body with aggregations
 * ({@link DslAggregationRun}), and each chain (temporal over rules and counted correlations,
 * DET0877's transfer-and-enumeration rules) as the dsl target's chain body, all grouping and
 * counting the index's doc values in fixed buckets; each must alert for exactly the groups the
 * evaluator's sliding windows alert for,
 * except the documented bucket misses in {@link #WINDOW_DIFFERENCES}, asserted as such. The fixture files' own expectations
 * are checked against the evaluator by the evaluator's tests, and against the Lucene hits here
 * where they list lines.
 */
class ElasticFixtureProofTest {

  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  static final Target LUCENE = Target.load("lucene");
  static final Target DSL = Target.load("dsl");

  /**
   * Rules whose meaning Elasticsearch cannot keep exactly (docs/elastic.md), with the one event on
   * which engine and evaluator differ: Elasticsearch indexes nothing for a JSON null, so exists is
   * false there while Sigma counts the field present.
   */
  static final Map<String, String> KNOWN_DIVERGENCES = Map.of(
      "edge_exists", "test-fixtures/edge/events/empty_null.json:4",
      "edge_not_exists", "test-fixtures/edge/events/empty_null.json:4");

  /**
   * Where fixed buckets (a threshold rule's look-back, the DSL's date_histogram) see less than
   * Sigma's sliding window (docs/elastic.md, the approximate-window warning): by case, the rule
   * and the groups the evaluator alerts for and the engine does not. Each is a burst, or a chain's
   * pair of signals, that straddles a bucket edge, as its fixture says.
   */
  static final Map<String, Map<String, Set<List<String>>>> WINDOW_DIFFERENCES = Map.of(
      "nxdomain-enumeration: zeek NXDOMAIN burst straddling a five-minute boundary fires",
      Map.of("zeek_dns_nxdomain_enumeration", Set.of(List.of("203.0.113.9"))),
      "nxdomain-enumeration: generic NXDOMAIN burst straddling a five-minute boundary fires",
      Map.of("dns_nxdomain_enumeration", Set.of(List.of("203.0.113.9"))),
      "subdomain-enumeration: zeek burst straddling a five-minute boundary fires",
      Map.of("zeek_dns_subdomain_enumeration", Set.of(List.of("198.51.100.23"))),
      "subdomain-enumeration: generic burst straddling a five-minute boundary fires",
      Map.of("dns_subdomain_enumeration", Set.of(List.of("198.51.100.23"))),
      "edge: a burst straddling a fixed one-minute boundary fires",
      Map.of("edge_nxdomain_burst", Set.of(List.of("198.51.100.7"))),
      "edge: events out of order within the window still count",
      Map.of("edge_nxdomain_burst", Set.of(List.of("198.51.100.7"))),
      // A chain misses both ways: a burst split by an inner (10-minute) edge, and a burst and a
      // success on either side of an outer (hour) edge; the plain burst count misses the first.
      "edge: a chain (failed-logon burst, then a success) inside and across fixed buckets",
      Map.of("edge_chain_burst_then_success", Set.of(List.of("10.5.0.2"), List.of("10.5.0.3")),
          "edge_event_count", Set.of(List.of("10.5.0.2"))));

  @TestFactory
  Stream<DynamicTest> everySingleEventRuleFindsExactlyTheExpectedEvents() throws Exception {
    IndexMapping mapping = IndexMapping.load(Path.of("test-fixtures/elastic/mapping.yaml"));
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> suites = new ArrayList<>();
    for (String root : List.of("test-fixtures/det0877", "test-fixtures/elastic", "test-fixtures/edge")) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        walk.filter(path -> path.getFileName().toString().equals("fixture.yml")).sorted().forEach(suites::add);
      }
    }
    assertThat(suites).hasSizeGreaterThanOrEqualTo(8);
    for (Path suite : suites) {
      Map<String, Object> data = yaml(suite);
      for (Object item : (List<?>) data.get("cases")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> testCase = (Map<String, Object>) item;
        String name = suite.getParent().getFileName() + ": " + testCase.get("name");
        tests.add(DynamicTest.dynamicTest(name, () -> runCase(suite, data, testCase, mapping)));
      }
    }
    assertThat(tests).hasSizeGreaterThan(20);
    return tests.stream();
  }

  private static void runCase(Path suite, Map<String, Object> data, Map<String, Object> testCase, IndexMapping mapping)
      throws Exception {
    Path dir = suite.getParent();
    Object env = testCase.getOrDefault("env", data.get("env"));
    Environment environment = env == null ? Environment.UNBOUND
        : Environment.load(dir.resolve(String.valueOf(env)).normalize(), new Diagnostics(String.valueOf(env)));
    RuleLoader loader = new RuleLoader();
    List<LoadedFile> files = new ArrayList<>();
    for (String rule : strings(testCase.get("rules"))) {
      files.add(loader.load(dir.resolve(rule).normalize()));
    }
    List<String> eventFiles = strings(testCase.get("events"));
    List<Path> paths = eventFiles.stream().map(file -> dir.resolve(file).normalize()).toList();
    Map<String, JsonNode> events = new LinkedHashMap<>();
    Map<String, Long> times = new LinkedHashMap<>();
    for (Path path : paths) {
      ReadProblems problems = new ReadProblems(path.toString());
      try (EventReader reader = EventReaders.open(path, EventTime.defaults(), problems)) {
        assertThat(reader).as(path.toString()).isNotNull();
        for (Event event = reader.next(); event != null; event = reader.next()) {
          events.put(event.file() + ":" + event.line(), event.fields());
          if (event.hasTime()) {
            times.put(event.file() + ":" + event.line(), event.time());
          }
        }
      }
      assertThat(problems.toList()).as(path.toString()).isEmpty();
    }
    RuleSet ruleSet = new RuleSetBuilder(environment).build(files);
    Map<String, Set<String>> alerts = new LinkedHashMap<>();
    Map<String, Set<List<String>>> groups = new LinkedHashMap<>();
    new Evaluation(CompiledRules.compile(ruleSet), EventTime.defaults()).run(paths, alert -> {
      if (alert.correlated().isEmpty()) {
        alerts.computeIfAbsent(alert.ruleName(), name -> new TreeSet<>()).add(alert.event().file() + ":" + alert.event().line());
      } else {
        groups.computeIfAbsent(alert.ruleName(), name -> new java.util.HashSet<>())
            .add(List.copyOf(alert.correlated().get().group().values()));
      }
    }, count -> { });
    Map<String, Expectation> expected = expectations(testCase, paths);
    try (FixtureIndex index = new FixtureIndex(mapping, events, times)) {
      int checked = 0;
      for (IrDocument document : ruleSet.emitted()) {
        if (document instanceof IrCorrelation) {
          checked += proveCounting((IrCorrelation) document, index, groups, caseName(suite, testCase)) ? 1 : 0;
          continue;
        }
        if (!(document instanceof IrRule)) {
          continue;
        }
        String rule = document.info().nameValue();
        Set<String> evaluator = alerts.getOrDefault(rule, Set.of());
        Expectation expectation = expected.getOrDefault(rule, Expectation.QUIET);
        expectation.check(rule + " (evaluator)", evaluator);
        CompileResult lucene = new RuleCompiler(LUCENE, LUCENE.profile("none")).compile(document);
        assertThat(lucene.refusal()).as(rule + " lucene").isEmpty();
        Set<String> luceneHits = index.search(new EsQueryStringParser(index.queries()).parseQuery(lucene.query().get()));
        String divergence = KNOWN_DIVERGENCES.get(rule);
        if (divergence != null) {
          Set<String> differing = new TreeSet<>(luceneHits);
          differing.addAll(evaluator);
          differing.removeIf(key -> luceneHits.contains(key) && evaluator.contains(key));
          assertThat(differing).as(rule + ": exactly the documented JSON-null event differs").containsExactly(divergence);
          checked++;
          continue;
        }
        assertThat(luceneHits).as(rule + " (lucene: " + lucene.query().get() + ") against the evaluator").isEqualTo(evaluator);
        CompileResult dsl = new RuleCompiler(DSL, DSL.profile("none")).compile(document);
        if (dsl.refusal().isPresent()) {
          // The DSL has no search across all fields; that is the one refusal a fixture rule may meet.
          assertThat(dsl.refusal().get().message()).as(rule + " dsl").contains("keyword search");
          checked++;
          continue;
        }
        JsonNode body = JSON.readTree(dsl.query().get());
        assertThat(JSON.writeValueAsString(body)).as("DSL round-trips through Jackson").isEqualTo(dsl.query().get());
        Set<String> dslHits = index.search(new DslTranslator(index.queries()).translate(body));
        assertThat(dslHits).as(rule + " (dsl) against the evaluator").isEqualTo(evaluator);
        assertThat(dslHits).as(rule + ": DSL and query string agree").isEqualTo(luceneHits);
        checked++;
      }
      assertThat(checked + expected.size()).as("the case exercises something").isPositive();
    }
  }

  /**
   * Runs {@code correlation} as the Kibana threshold rule the lucene target makes of it and as
   * the search body with aggregations the dsl target makes of it, and compares each engine's
   * alerting groups with the evaluator's; false when both refuse it (a typed refusal, as the
   * corpus test checks for every rule).
   */
  private static boolean proveCounting(IrCorrelation correlation, FixtureIndex index,
      Map<String, Set<List<String>>> evaluatorGroups, String caseName) throws Exception {
    String rule = correlation.info().nameValue();
    Set<List<String>> evaluator = new java.util.HashSet<>();
    List<String> groupBy = correlation.correlation().groupBy();
    for (List<String> group : evaluatorGroups.getOrDefault(rule, Set.of())) {
      List<String> asIndexed = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        asIndexed.add(index.valueText(groupBy.get(i), group.get(i)));
      }
      evaluator.add(asIndexed);
    }
    Set<List<String>> documented = WINDOW_DIFFERENCES.getOrDefault(caseName, Map.of()).getOrDefault(rule, Set.of());
    boolean proved = false;
    Profile none = LUCENE.profile("none");
    CompileResult lucene = new RuleCompiler(LUCENE, none).compile(correlation);
    if (lucene.refusal().isPresent()) {
      assertThat(lucene.refusal().get().code()).as(rule + " lucene").isEqualTo(DiagnosticCode.UNSUPPORTED_FEATURE);
    } else {
      assertThat(lucene.warnings()).as(rule + ": the bucket warning").anySatisfy(warning ->
          assertThat(warning.message()).contains("not over a sliding window"));
      KibanaRule.Threshold threshold = KibanaPackage.threshold(LUCENE, none, correlation);
      assertThat(threshold.fields()).as("profile none keeps the Sigma names").isEqualTo(groupBy);
      Set<List<String>> kibana = new java.util.HashSet<>();
      ThresholdRuleRun.run(index, new EsQueryStringParser(index.queries()).parseQuery(lucene.query().get()), threshold,
          correlation.correlation().timespan()).forEach(alert -> kibana.add(alert.group()));
      compareGroups(rule + " (lucene threshold rule)", caseName, kibana, evaluator, documented);
      proved = true;
    }
    CompileResult dsl = new RuleCompiler(DSL, DSL.profile("none")).compile(correlation);
    if (dsl.refusal().isPresent()) {
      assertThat(dsl.refusal().get().code()).as(rule + " dsl").isEqualTo(DiagnosticCode.UNSUPPORTED_FEATURE);
      if (correlation.rules().stream().anyMatch(IrCorrelation.class::isInstance)) {
        // The one chain the fixtures hold that the DSL cannot write: aliases naming the group differently.
        assertThat(dsl.refusal().get().message()).as(rule + " dsl chain refusal")
            .contains("a terms aggregation groups by one field");
      }
      return proved;
    }
    assertThat(dsl.warnings()).as(rule + ": the dsl bucket warning").anySatisfy(warning ->
        assertThat(warning.message()).contains("not over a sliding window"));
    JsonNode body = JSON.readTree(dsl.query().get());
    assertThat(JSON.writeValueAsString(body)).as("DSL round-trips through Jackson").isEqualTo(dsl.query().get());
    Set<List<String>> buckets = new java.util.HashSet<>();
    DslAggregationRun.run(index, body).forEach(bucket -> buckets.add(bucket.group()));
    compareGroups(rule + " (dsl aggregations)", caseName, buckets, evaluator, documented);
    return true;
  }

  /** The engine's alerting groups against the evaluator's: the same, but for the documented bucket misses. */
  private static void compareGroups(String what, String caseName, Set<List<String>> engine, Set<List<String>> evaluator,
      Set<List<String>> documented) {
    Set<List<String>> onlyEngine = new java.util.HashSet<>(engine);
    onlyEngine.removeAll(evaluator);
    Set<List<String>> onlyEvaluator = new java.util.HashSet<>(evaluator);
    onlyEvaluator.removeAll(engine);
    assertThat(onlyEngine).as(what + ": groups only the engine alerts for").isEmpty();
    assertThat(onlyEvaluator).as(what + " in '" + caseName + "': groups only the sliding window alerts for,"
        + " which must be exactly the documented bucket misses").isEqualTo(documented);
  }

  private static String caseName(Path suite, Map<String, Object> testCase) {
    return suite.getParent().getFileName() + ": " + testCase.get("name");
  }

  /** What one rule must match in one case. */
  record Expectation(Integer count, Set<String> keys) {
    static final Expectation QUIET = new Expectation(0, Set.of());

    void check(String what, Set<String> hits) {
      if (keys != null) {
        assertThat(hits).as(what).isEqualTo(keys);
      } else if (count != null) {
        assertThat(hits).as(what).hasSize(count);
      }
    }
  }

  private static Map<String, Expectation> expectations(Map<String, Object> testCase, List<Path> paths) {
    Map<String, Expectation> expected = new LinkedHashMap<>();
    for (Object item : (List<?>) testCase.getOrDefault("alerts", List.of())) {
      Map<?, ?> alert = (Map<?, ?>) item;
      Object lines = alert.get("lines");
      Set<String> keys = null;
      if (lines != null && paths.size() == 1) {
        keys = new TreeSet<>();
        for (Object line : (List<?>) lines) {
          keys.add(paths.get(0) + ":" + line);
        }
      }
      Object count = alert.get("count");
      expected.put(String.valueOf(alert.get("rule")), new Expectation(count == null ? null : ((Number) count).intValue(), keys));
    }
    for (Object item : (List<?>) testCase.getOrDefault("quiet", List.of())) {
      expected.put(String.valueOf(((Map<?, ?>) item).get("rule")), Expectation.QUIET);
    }
    return expected;
  }

  private static List<String> strings(Object value) {
    return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws Exception {
    try (Reader reader = Files.newBufferedReader(file)) {
      return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    }
  }
}
