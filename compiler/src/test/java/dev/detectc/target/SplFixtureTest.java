package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.ir.RuleSet;
import dev.detectc.ir.RuleSetBuilder;
import dev.detectc.rule.Environment;
import dev.detectc.rule.LoadedFile;
import dev.detectc.rule.RuleLoader;
import dev.detectc.source.Diagnostics;
import dev.detectc.testing.spl.FixtureEvents;
import dev.detectc.testing.spl.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The SPL means what the rules mean on the DET0877 fixtures: every case of every
 * {@code test-fixtures/det0877/<suite>/fixture.yml} is compiled to SPL (profile none), each query
 * is run by the test interpreter over the case's logs, and the alerts must be exactly the
 * fixture's: the count and, where given, the lines of each expected alert, and none for each
 * quiet rule. The expectations are the ones the Sigma evaluator is held to.
 */
class SplFixtureTest {

  private static final Target SPL = Target.load("spl");
  private static final List<Path> SUITES = List.of(Path.of("test-fixtures/det0877"), Path.of("test-fixtures/edge"));

  /**
   * Where Splunk's view of the logs differs from the evaluator's, and so the SPL gives other
   * alerts: rule name to the lines SPL alerts on and why. Each is asserted as written, so a change
   * shows, and each is listed in docs/spl.md.
   */
  private static final Map<String, Divergence> DIVERGENCES = Map.of(
      "edge_exists", new Divergence(List.of(2, 5, 6), "Splunk does not extract a JSON null, so a field whose value is"
          + " null does not exist for SPL (line 4); Sigma's exists holds for it"),
      "edge_not_exists", new Divergence(List.of(3, 4), "the same JSON null (line 4) is, for SPL, a field that does not exist"),
      "edge_zeek_typed", new Divergence(List.of(), "Splunk indexes Zeek TSV booleans as the text T and F, and Sigma's"
          + " false is matched as the text false; Zeek's JSON logs (the raw profile's bro:dns:json) write false"));

  /** A documented difference: the lines SPL alerts on instead, and the reason. */
  record Divergence(List<Integer> lines, String reason) {}

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    List<Path> folders = new ArrayList<>();
    for (Path root : SUITES) {
      if (Files.exists(root.resolve("fixture.yml"))) {
        folders.add(root);
      }
      try (Stream<Path> children = Files.list(root)) {
        children.filter(path -> Files.exists(path.resolve("fixture.yml"))).sorted().forEach(folders::add);
      }
    }
    {
      for (Path suite : folders) {
        Map<String, Object> fixture = yaml(suite.resolve("fixture.yml"));
        for (Object item : (List<?>) fixture.get("cases")) {
          Map<?, ?> spec = (Map<?, ?>) item;
          cases.add(Arguments.of(Named.of(suite.getFileName() + ": " + spec.get("name"), new Case(suite, fixture, spec))));
        }
      }
    }
    return cases.stream();
  }

  /** One fixture case with its suite folder and the suite's defaults. */
  record Case(Path suite, Map<String, Object> fixture, Map<?, ?> spec) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void splAlertsAreTheFixturesAlerts(Case fixtureCase) throws IOException {
    Path suite = fixtureCase.suite();
    Map<?, ?> spec = fixtureCase.spec();
    Object env = spec.get("env") != null ? spec.get("env") : fixtureCase.fixture().get("env");
    Environment environment = env == null ? Environment.UNBOUND
        : Environment.load(suite.resolve((String) env), new Diagnostics(String.valueOf(env)));
    List<LoadedFile> files = new ArrayList<>();
    for (Object rule : (List<?>) spec.get("rules")) {
      files.add(new RuleLoader().load(suite.resolve((String) rule).normalize()));
    }
    RuleSet rules = new RuleSetBuilder(environment).build(files);
    List<CompiledRule> compiled = Compilation.run(rules, new RuleCompiler(SPL, SPL.profile("none")));
    List<Row> events = new ArrayList<>();
    for (Object file : (List<?>) spec.get("events")) {
      events.addAll(FixtureEvents.read(suite.resolve((String) file)));
    }
    for (CompiledRule rule : compiled) {
      assertThat(rule.error()).as("%s compiles", rule.info().nameValue()).isEmpty();
    }
    for (Object item : listOrEmpty(spec.get("alerts"))) {
      Map<?, ?> expected = (Map<?, ?>) item;
      List<SplAlerts.Alert> alerts = SplAlerts.of(rule(compiled, (String) expected.get("rule")), events);
      Divergence divergence = DIVERGENCES.get((String) expected.get("rule"));
      if (divergence != null) {
        assertThat(alerts.stream().map(alert -> (int) alert.line()).sorted().toList()).as("documented divergence of %s: %s",
            expected.get("rule"), divergence.reason()).isEqualTo(divergence.lines());
        continue;
      }
      Object count = expected.get("count") != null ? expected.get("count") : ((List<?>) expected.get("lines")).size();
      assertThat(alerts).as("alerts of %s (%s)", expected.get("rule"), expected.get("reason")).hasSize((Integer) count);
      if (expected.get("lines") != null) {
        assertThat(alerts.stream().map(alert -> (int) alert.line()).sorted().toList()).as("lines of %s", expected.get("rule"))
            .isEqualTo(expected.get("lines"));
      }
    }
    for (Object item : listOrEmpty(spec.get("quiet"))) {
      String name = (String) ((Map<?, ?>) item).get("rule");
      compiled.stream().filter(rule -> name.equals(rule.info().nameValue())).forEach(rule ->
          assertThat(SplAlerts.of(rule, events)).as("%s stays quiet (%s)", name, ((Map<?, ?>) item).get("reason")).isEmpty());
    }
  }

  private static CompiledRule rule(List<CompiledRule> compiled, String name) {
    return compiled.stream().filter(rule -> name.equals(rule.info().nameValue())).findFirst()
        .orElseThrow(() -> new AssertionError("no compiled rule named " + name));
  }

  private static List<?> listOrEmpty(Object value) {
    return value == null ? List.of() : (List<?>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
  }
}
