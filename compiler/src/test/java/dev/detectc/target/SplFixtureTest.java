package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.eval.CompiledRules;
import dev.detectc.eval.Evaluation;
import dev.detectc.eval.alert.Alert;
import dev.detectc.eval.fixture.FixtureCase;
import dev.detectc.eval.fixture.FixtureLoader;
import dev.detectc.eval.fixture.FixtureSuite;
import dev.detectc.eval.fixture.SuiteFinder;
import dev.detectc.eval.input.EventTime;
import dev.detectc.ir.RuleSet;
import dev.detectc.ir.RuleSetBuilder;
import dev.detectc.rule.Environment;
import dev.detectc.rule.LoadedFile;
import dev.detectc.rule.RuleLoader;
import dev.detectc.source.Diagnostics;
import dev.detectc.source.Located;
import dev.detectc.testing.spl.FixtureEvents;
import dev.detectc.testing.spl.Row;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SPL means what the evaluator means, on every case of the shipped fixture suites
 * ({@code test-fixtures/det0877/} and {@code test-fixtures/edge/}): the case's rules are
 * compiled to SPL (profile none) and each query is run by the test interpreter over the case's
 * logs; the Sigma evaluator runs the same rules over the same logs; every rule must alert on the
 * same events (file and line; for a correlation, the event at which it fired) in both.
 */
class SplFixtureTest {

  private static final Target SPL = Target.load("spl");

  /**
   * Where Splunk's view of the logs differs from the evaluator's, so the SPL alerts on other
   * events: rule name to the lines the SPL alerts on, and why. Each is asserted as written, so a
   * change shows, and each is listed in docs/spl.md.
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
    for (Path file : SuiteFinder.find(List.of(Path.of("test-fixtures/det0877"), Path.of("test-fixtures/edge")))) {
      FixtureSuite suite = new FixtureLoader().load(file);
      assertThat(suite.hasErrors()).as(file.toString()).isFalse();
      for (FixtureCase fixtureCase : suite.cases()) {
        cases.add(Arguments.of(Named.of(file.getParent().getFileName() + ": " + fixtureCase.name(), fixtureCase)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void splAlertsOnTheEventsTheEvaluatorAlertsOn(FixtureCase fixtureCase) throws IOException {
    Environment environment = fixtureCase.env() == null ? Environment.UNBOUND
        : Environment.load(fixtureCase.env().value(), new Diagnostics(fixtureCase.env().value().toString()));
    List<LoadedFile> files = new ArrayList<>();
    for (Path file : RuleLoader.collect(fixtureCase.rules().stream().map(Located::value).toList())) {
      files.add(new RuleLoader().load(file));
    }
    RuleSet rules = new RuleSetBuilder(environment).build(files);
    List<Path> logs = fixtureCase.events().stream().map(Located::value).toList();

    List<Alert> evaluated = new ArrayList<>();
    new Evaluation(CompiledRules.compile(rules), EventTime.defaults()).run(logs, evaluated::add, Evaluation.Progress.NONE);
    Map<String, List<String>> expected = new TreeMap<>();
    evaluated.forEach(alert -> expected.computeIfAbsent(alert.ruleName(), key -> new ArrayList<>())
        .add(alert.event().file() + ":" + alert.event().line()));

    List<Row> events = new ArrayList<>();
    for (Path log : logs) {
      events.addAll(FixtureEvents.read(log));
    }
    Map<String, List<String>> actual = new TreeMap<>();
    for (CompiledRule rule : Compilation.run(rules, new RuleCompiler(SPL, SPL.profile("none")))) {
      assertThat(rule.error()).as("%s compiles", rule.info().title()).isEmpty();
      String name = rule.info().nameValue() != null ? rule.info().nameValue() : rule.info().idValue();
      List<SplAlerts.Alert> alerts = SplAlerts.of(rule, events);
      Divergence divergence = DIVERGENCES.get(name);
      if (divergence != null) {
        assertThat(alerts.stream().map(alert -> (int) alert.line()).sorted().toList())
            .as("documented divergence of %s: %s", name, divergence.reason()).isEqualTo(divergence.lines());
        expected.remove(name);
        continue;
      }
      alerts.forEach(alert -> actual.computeIfAbsent(name, key -> new ArrayList<>()).add(alert.file() + ":" + alert.line()));
    }
    expected.values().forEach(list -> list.sort(null));
    actual.values().forEach(list -> list.sort(null));
    assertThat(actual).as("SPL alerts by rule (evaluator alerts expected)").isEqualTo(expected);
  }
}
