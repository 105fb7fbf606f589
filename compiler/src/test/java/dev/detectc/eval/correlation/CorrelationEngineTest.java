package dev.detectc.eval.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.eval.alert.Alert;
import dev.detectc.eval.alert.Correlated;
import dev.detectc.eval.alert.EventRef;
import dev.detectc.source.Diagnostic;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.testing.Evaluate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelationEngineTest {

  @TempDir
  Path folder;

  private static final String NXDOMAIN = "title: nx\nname: nx\nlogsource: {product: zeek}\ndetection:\n"
      + "  sel:\n    rcode: NXDOMAIN\n  condition: sel\n";

  private static String correlation(String name, String body) {
    return "---\ntitle: " + name + "\nname: " + name + "\ncorrelation:\n" + body.indent(2);
  }

  private static String event(long ts, String host, String query) {
    return "{\"ts\": " + ts + ", \"host\": \"" + host + "\", \"rcode\": \"NXDOMAIN\", \"query\": \"" + query + "\"}";
  }

  private static Correlated details(Alert alert) {
    return alert.correlated().orElseThrow();
  }

  @Test
  void valueCountCountsDistinctValuesPerGroup() {
    String rules = NXDOMAIN + correlation("distinct", "type: value_count\nrules: [nx]\ngroup-by: [host]\ntimespan: 1m\n"
        + "condition: {gte: 3, field: query}");
    Evaluate run = Evaluate.run(folder, rules,
        event(0, "a", "x1"), event(1, "a", "x1"), event(2, "b", "y1"), event(3, "a", "x2"), event(4, "b", "y2"),
        event(5, "a", "x2"), event(6, "a", "x3"), event(7, "b", "y2"));
    assertThat(run.fired()).containsExactly("distinct@7");
    Correlated correlated = details(run.alerts().get(0));
    assertThat(correlated.group()).isEqualTo(Map.of("host", "a"));
    assertThat(correlated.lines()).extracting(EventRef::line).containsExactly(1L, 2L, 4L, 6L, 7L);
    assertThat(correlated.value()).isEqualByComparingTo("3");
    assertThat(correlated.firstTime()).isZero();
    assertThat(correlated.lastTime()).isEqualTo(6_000_000L);
  }

  @Test
  void fewerThanIsDecidedWhenTheWindowCloses() {
    String rules = NXDOMAIN + correlation("few", "type: event_count\nrules: [nx]\ngroup-by: [host]\ntimespan: 10s\n"
        + "condition: {lt: 3}");
    Evaluate run = Evaluate.run(folder, rules,
        event(0, "a", "q"), event(1, "b", "q"), event(2, "b", "q"), event(3, "b", "q"), event(9, "a", "q"),
        event(30, "c", "q"), event(35, "c", "q"));
    // a: 2 events in [0, 10] -> fires when time passes 10; b: 3 -> quiet; c's window [30, 40] outlasts the input
    // (last event at 35), and a window is only judged once event time has reached its end.
    assertThat(run.fired()).containsExactly("few@5");
    assertThat(details(run.alerts().get(0)).value()).isEqualByComparingTo("2");
  }

  @Test
  void aWindowThatEndsWithinTheInputIsJudgedAtTheEnd() {
    String rules = NXDOMAIN + correlation("exactly", "type: event_count\nrules: [nx]\ngroup-by: [host]\ntimespan: 10s\n"
        + "condition: {eq: 2}");
    Evaluate run = Evaluate.run(folder, rules, event(0, "a", "q"), event(4, "a", "q"), event(10, "b", "q"));
    assertThat(run.fired()).containsExactly("exactly@2");
  }

  @Test
  void sumAverageAndPercentileAggregateTheNumericField() {
    String base = "title: dl\nname: dl\nlogsource: {product: proxy}\ndetection:\n  sel:\n    action: get\n  condition: sel\n";
    String rules = base
        + correlation("sum", "type: value_sum\nrules: [dl]\ngroup-by: [user]\ntimespan: 1m\ncondition: {gt: 100, field: bytes}")
        + correlation("avg", "type: value_avg\nrules: [dl]\ngroup-by: [user]\ntimespan: 1m\ncondition: {gte: 40, field: bytes}")
        + correlation("p90", "type: value_percentile\nrules: [dl]\ngroup-by: [user]\ntimespan: 1m\n"
            + "condition: {gte: 90, field: bytes, percentile: 90}")
        + correlation("median", "type: value_percentile\nrules: [dl]\ngroup-by: [user]\ntimespan: 1m\n"
            + "condition: {gte: 25, field: bytes}");
    Evaluate run = Evaluate.run(folder, rules,
        "{\"ts\": 0, \"user\": \"u\", \"action\": \"get\", \"bytes\": 10}",
        "{\"ts\": 1, \"user\": \"u\", \"action\": \"get\", \"bytes\": \"20\"}",
        "{\"ts\": 2, \"user\": \"u\", \"action\": \"get\", \"bytes\": \"n/a\"}",
        "{\"ts\": 3, \"user\": \"u\", \"action\": \"get\", \"bytes\": 30}",
        "{\"ts\": 4, \"user\": \"u\", \"action\": \"get\", \"bytes\": 100}");
    // bytes 10, 20, 30, 100 (n/a is not a number and is left out): sum 160 > 100 at line 5; avg 40 at line 5;
    // p90 of [10,20,30,100] = 30 + 0.7 x 70 = 79 (never 90); median of [10,20,30] = 20, of all four = 25 at line 5.
    assertThat(run.fired()).containsExactlyInAnyOrder("sum@5", "avg@5", "median@5");
    assertThat(run.alerts().stream().filter(a -> a.ruleName().equals("median")).map(a -> details(a).value()).findFirst()
        .orElseThrow()).isEqualByComparingTo("25");
  }

  @Test
  void percentileInterpolatesBetweenRanks() {
    Aggregate p90 = Aggregate.of(dev.detectc.rule.CorrelationType.VALUE_PERCENTILE, BigDecimal.valueOf(90));
    for (int value : new int[] {10, 20, 30, 100}) {
      p90.add(new Item(null, 0, "", List.of(), BigDecimal.valueOf(value), null));
    }
    assertThat(p90.value()).isEqualByComparingTo("79");
    p90.remove(new Item(null, 0, "", List.of(), BigDecimal.valueOf(100), null));
    assertThat(p90.value()).isEqualByComparingTo("28");
  }

  private static final String LOGIN = "title: fail\nname: fail\nlogsource: {product: auth}\ndetection:\n"
      + "  sel:\n    outcome: failure\n  condition: sel\n---\ntitle: ok\nname: ok\nlogsource: {product: auth}\ndetection:\n"
      + "  sel:\n    outcome: success\n  condition: sel\n";

  private static String login(long ts, String user, String outcome) {
    return "{\"ts\": " + ts + ", \"user\": \"" + user + "\", \"outcome\": \"" + outcome + "\"}";
  }

  @Test
  void temporalNeedsEveryRuleInOneWindowAndGroup() {
    String rules = LOGIN + correlation("both", "type: temporal\nrules: [fail, ok]\ngroup-by: [user]\ntimespan: 1m");
    Evaluate run = Evaluate.run(folder, rules,
        login(0, "alice", "failure"), login(10, "bob", "success"), login(100, "bob", "failure"),
        login(120, "alice", "success"), login(130, "carol", "success"), login(140, "carol", "failure"));
    assertThat(run.fired()).containsExactly("both@6");
    assertThat(details(run.alerts().get(0)).value()).isEqualByComparingTo("2");
  }

  @Test
  void temporalOrderedNeedsTheListedOrder() {
    String rules = LOGIN + correlation("then", "type: temporal_ordered\nrules: [fail, ok]\ngroup-by: [user]\ntimespan: 1m");
    Evaluate run = Evaluate.run(folder, rules,
        login(0, "alice", "success"), login(10, "alice", "failure"), login(100, "bob", "failure"),
        login(110, "bob", "success"));
    assertThat(run.fired()).containsExactly("then@4");
  }

  @Test
  void ruleNameConditionsMayNegate() {
    String rules = LOGIN + correlation("failonly", "type: temporal\nrules: [fail, ok]\ngroup-by: [user]\ntimespan: 1m\n"
        + "condition: fail and not ok");
    Evaluate run = Evaluate.run(folder, rules, login(0, "alice", "success"), login(10, "alice", "failure"),
        login(100, "bob", "failure"));
    assertThat(run.fired()).containsExactly("failonly@3");
  }

  @Test
  void aliasesMapOneGroupFieldToEachRulesOwnField() {
    String rules = "title: scan\nname: scan\nlogsource: {product: fw}\ndetection:\n  sel:\n    action: deny\n  condition: sel\n"
        + "---\ntitle: axfr\nname: axfr\nlogsource: {product: dns}\ndetection:\n  sel:\n    qtype: AXFR\n  condition: sel\n"
        + correlation("recon", "type: temporal\nrules: [scan, axfr]\ngroup-by: [source]\ntimespan: 5m\n"
            + "aliases:\n  source:\n    scan: src_ip\n    axfr: id.orig_h");
    Evaluate run = Evaluate.run(folder, rules,
        "{\"ts\": 0, \"action\": \"deny\", \"src_ip\": \"203.0.113.7\"}",
        "{\"ts\": 5, \"qtype\": \"AXFR\", \"id\": {\"orig_h\": \"198.51.100.1\"}}",
        "{\"ts\": 9, \"qtype\": \"AXFR\", \"id.orig_h\": \"203.0.113.7\"}");
    assertThat(run.fired()).containsExactly("recon@3");
    assertThat(details(run.alerts().get(0)).group()).isEqualTo(Map.of("source", "203.0.113.7"));
  }

  @Test
  void chainedCorrelationsFeedOnTheirInnerAlerts() {
    // The specification's example: many failed logins, then a success, for one user.
    String rules = LOGIN
        + correlation("many_fails", "type: event_count\nrules: [fail]\ngroup-by: [user]\ntimespan: 1m\ncondition: {gte: 3}")
        + correlation("fails_then_ok", "type: temporal_ordered\nrules: [many_fails, ok]\ngroup-by: [user]\ntimespan: 5m");
    Evaluate run = Evaluate.run(folder, rules,
        login(0, "alice", "failure"), login(1, "alice", "failure"), login(2, "alice", "failure"),
        login(3, "bob", "success"), login(30, "alice", "success"),
        login(40, "bob", "failure"), login(41, "bob", "success"));
    assertThat(run.fired()).containsExactly("fails_then_ok@5");
    Correlated correlated = details(run.alerts().get(0));
    assertThat(correlated.lines()).extracting(EventRef::line).containsExactly(1L, 2L, 3L, 5L);
    assertThat(correlated.firstTime()).isZero();
    assertThat(correlated.group()).isEqualTo(Map.of("user", "alice"));
  }

  @Test
  void generateTrueKeepsTheReferencedRulesAlerts() {
    String rules = NXDOMAIN + correlation("burst", "type: event_count\nrules: [nx]\ngroup-by: [host]\ntimespan: 1m\n"
        + "condition: {gte: 2}\ngenerate: true");
    assertThat(Evaluate.run(folder, rules, event(0, "a", "q"), event(1, "a", "q")).fired())
        .containsExactly("nx@1", "nx@2", "burst@2");
  }

  @Test
  void eventsWithoutTheGroupFieldOrATimeDoNotCount() {
    String rules = NXDOMAIN + correlation("burst", "type: event_count\nrules: [nx]\ngroup-by: [host]\ntimespan: 1m\n"
        + "condition: {gte: 2}");
    Evaluate run = Evaluate.run(folder, rules, event(0, "a", "q"), "{\"ts\": 1, \"rcode\": \"NXDOMAIN\"}",
        "{\"host\": \"a\", \"rcode\": \"NXDOMAIN\"}", "{\"host\": \"a\", \"rcode\": \"NXDOMAIN\"}");
    assertThat(run.fired()).isEmpty();
    assertThat(run.result().diagnostics()).singleElement().satisfies(warning -> {
      assertThat(warning.code()).isEqualTo(DiagnosticCode.EVENT_TIME);
      assertThat(warning.isError()).isFalse();
      assertThat(warning.position().line()).isEqualTo(3);
      assertThat(warning.message()).startsWith("2 event(s)");
    });
  }

  @Test
  void eventsFurtherOutOfOrderThanTheWindowAreReportedAndLeftOut() {
    String rules = NXDOMAIN + correlation("burst", "type: event_count\nrules: [nx]\ngroup-by: [host]\ntimespan: 10s\n"
        + "condition: {gte: 2}");
    Evaluate run = Evaluate.run(folder, rules, event(100, "a", "q"), event(200, "b", "q"), event(101, "a", "q"),
        event(195, "b", "q"));
    assertThat(run.fired()).containsExactly("burst@2");
    List<Diagnostic> warnings = run.result().diagnostics();
    assertThat(warnings).singleElement().satisfies(warning -> {
      assertThat(warning.code()).isEqualTo(DiagnosticCode.EVENT_ORDER);
      assertThat(warning.position().line()).isEqualTo(3);
    });
  }

  @Test
  void stateFollowsActiveGroupsNotTheLengthOfTheLog() {
    String rules = NXDOMAIN + correlation("burst", "type: event_count\nrules: [nx]\ngroup-by: [host]\ntimespan: 1m\n"
        + "condition: {gte: 1000}");
    String[] events = new String[20_000];
    for (int i = 0; i < events.length; i++) {
      events[i] = event(i, "h" + i, "q");
    }
    Evaluate run = Evaluate.run(folder, rules, events);
    assertThat(run.fired()).isEmpty();
    // One new group a second for 20,000 s; only the last minute's groups (plus the reorder window) may stay.
    assertThat(run.result().activeGroups()).isLessThanOrEqualTo(130);
  }

  @Test
  void correlationsSpanFilesReadInTimeOrder() throws Exception {
    String rules = NXDOMAIN + correlation("burst", "type: event_count\nrules: [nx]\ngroup-by: [host]\ntimespan: 1m\n"
        + "condition: {gte: 3}");
    Path first = folder.resolve("one.ndjson");
    Path second = folder.resolve("two.ndjson");
    java.nio.file.Files.writeString(first, event(0, "a", "q") + "\n" + event(50, "a", "q") + "\n");
    java.nio.file.Files.writeString(second, event(10, "a", "q") + "\n" + event(500, "a", "q") + "\n");
    Evaluate run = Evaluate.run(rules, List.of(first, second));
    assertThat(run.alerts()).singleElement().satisfies(alert -> {
      assertThat(alert.event()).isEqualTo(new EventRef(first.toString(), 2));
      assertThat(details(alert).lines()).containsExactly(new EventRef(first.toString(), 1),
          new EventRef(second.toString(), 1), new EventRef(first.toString(), 2));
    });
    assertThat(run.result().diagnostics()).isEmpty();
  }
}
