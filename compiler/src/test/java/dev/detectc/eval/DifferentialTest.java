package dev.detectc.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detectc.eval.fixture.FixtureCase;
import dev.detectc.eval.fixture.FixtureLoader;
import dev.detectc.eval.fixture.FixtureSuite;
import dev.detectc.eval.fixture.SuiteFinder;
import dev.detectc.eval.input.Event;
import dev.detectc.eval.input.EventReader;
import dev.detectc.eval.input.EventReaders;
import dev.detectc.eval.input.EventTime;
import dev.detectc.eval.input.ReadProblems;
import dev.detectc.ir.IrPrinter;
import dev.detectc.ir.IrRule;
import dev.detectc.ir.RuleSet;
import dev.detectc.ir.RuleSetBuilder;
import dev.detectc.rule.Environment;
import dev.detectc.rule.RuleLoader;
import dev.detectc.source.Diagnostics;
import dev.detectc.source.Located;
import dev.detectc.testing.RuleText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The compiled matchers and the naive IR-walking evaluator must agree: on every event of every
 * fixture suite against that case's rules, and on random events against rules that use every
 * kind of IR leaf.
 */
class DifferentialTest {

  /** Rules whose detections exercise every leaf kind, beyond what the fixture suites use. */
  private static final List<String> DETECTIONS = List.of(
      "sel:\n  query: 'ns?.corp.*'\ncondition: sel",
      "sel:\n  query|contains|all: [corp, '.']\ncondition: sel",
      "sel:\n  query|startswith: 'A\\*'\ncondition: sel",
      "sel:\n  query|endswith|cased: 'X'\ncondition: sel",
      "sel:\n  query|re: '^[a-z]+\\.corp'\ncondition: sel",
      "sel:\n  msg|re|m|s: '^b.c$'\ncondition: sel",
      "sel:\n  msg|re|i: 'É'\ncondition: sel",
      "sel:\n  id.orig_h|cidr: [10.0.0.0/8, '2001:db8::/32', 192.0.2.128/25]\ncondition: sel",
      "sel:\n  qtype|gte: 250\ncondition: sel",
      "sel:\n  qtype: 252\ncondition: sel",
      "sel:\n  qtype|lt: 1.5\ncondition: sel",
      "sel:\n  count|neq: 3\ncondition: sel",
      "sel:\n  AA: true\ncondition: sel",
      "sel:\n  QueryResults: null\ncondition: sel",
      "sel:\n  QueryResults: ''\ncondition: sel",
      "sel:\n  QueryResults|exists: true\ncondition: sel",
      "sel:\n  query|fieldref: msg\ncondition: sel",
      "sel:\n  query|fieldref|contains: Image\ncondition: sel",
      "sel:\n  ts|hour: 10\ncondition: sel",
      "sel:\n  ts|week|gte: 20\ncondition: sel",
      "keywords:\n  - 'corp'\n  - '*x?1*'\ncondition: keywords",
      "sel:\n  CommandLine|windash|contains: ' -x'\ncondition: sel",
      "sel:\n  CommandLine|base64offset|contains: 'ping'\ncondition: sel",
      "sel:\n  CommandLine|wide|base64offset|contains: 'ping'\ncondition: sel",
      "sel:\n  Image|contains: 'C:\\Windows\\'\ncondition: sel",
      "sel:\n  answers: 192.0.2.10\nfilter:\n  AA: false\ncondition: sel and not filter",
      "a:\n  query|contains: corp\nb:\n  qtype: 1\ncondition: a and not b or 1 of c*\nc1:\n  msg: '*'");

  private static final List<IrRule> RULES = DETECTIONS.stream().map(RuleText::detection).toList();

  @Test
  void agreesOnEveryFixtureEvent() throws IOException {
    long compared = 0;
    for (Path suiteFile : SuiteFinder.find(List.of(Path.of("test-fixtures")))) {
      FixtureSuite suite = new FixtureLoader().load(suiteFile);
      for (FixtureCase fixtureCase : suite.cases()) {
        List<IrRule> rules = rules(fixtureCase);
        for (Located<Path> events : fixtureCase.events()) {
          for (Event event : read(events.value())) {
            for (IrRule rule : rules) {
              assertAgree(rule, event.fields(), event.file() + ":" + event.line());
              compared++;
            }
          }
        }
      }
    }
    assertThat(compared).as("comparisons made").isGreaterThan(100);
  }

  @Property(tries = 400)
  void agreesOnRandomEvents(@ForAll("events") ObjectNode event) {
    for (IrRule rule : RULES) {
      assertAgree(rule, event, event.toString());
    }
  }

  /** Guards against a vacuous property: the random events must make every rule both match and miss. */
  @Test
  void randomEventsReachBothOutcomesOfEveryRule() {
    List<ObjectNode> sample = events().sampleStream().limit(3000).toList();
    for (IrRule rule : RULES) {
      EventMatcher matcher = new MatcherCompiler().compile(rule.condition());
      long matched = sample.stream().filter(matcher::matches).count();
      assertThat(matched).as("matches of %s", IrPrinter.print(rule.condition())).isBetween(1L, sample.size() - 1L);
    }
  }

  private static void assertAgree(IrRule rule, JsonNode event, String where) {
    boolean compiled = new MatcherCompiler().compile(rule.condition()).matches(event);
    boolean naive = NaiveEvaluator.matches(rule.condition(), event);
    assertThat(compiled).as("rule '%s' on %s", rule.info().title(), where).isEqualTo(naive);
  }

  /** The case's detection rules, lowered with its environment; cases that do not load are skipped. */
  private static List<IrRule> rules(FixtureCase fixtureCase) throws IOException {
    Environment environment = Environment.UNBOUND;
    if (fixtureCase.env() != null && fixtureCase.env().value().toFile().isFile()) {
      environment = Environment.load(fixtureCase.env().value(), new Diagnostics("env"));
    }
    List<Path> files = RuleLoader.collect(fixtureCase.rules().stream().map(Located::value)
        .filter(path -> path.toFile().exists()).toList());
    RuleLoader loader = new RuleLoader();
    RuleSet set = new RuleSetBuilder(environment).build(files.stream().map(loader::load).toList());
    List<IrRule> rules = new ArrayList<>();
    set.documents().forEach(document -> document.ir().filter(IrRule.class::isInstance).map(IrRule.class::cast)
        .filter(DifferentialTest::compiles).ifPresent(rules::add));
    return rules;
  }

  private static boolean compiles(IrRule rule) {
    try {
      new MatcherCompiler().compile(rule.condition());
      return true;
    } catch (MatcherCompiler.Unsupported e) {
      return false;
    }
  }

  private static List<Event> read(Path file) throws IOException {
    List<Event> events = new ArrayList<>();
    EventReader reader = EventReaders.open(file, EventTime.defaults(), new ReadProblems(file.toString()));
    if (reader != null) {
      try (reader) {
        for (Event event = reader.next(); event != null; event = reader.next()) {
          events.add(event);
        }
      }
    }
    return events;
  }

  /** Events over a fixed set of fields, each absent half the time; {@code id.orig_h} is sometimes nested. */
  @Provide
  Arbitrary<ObjectNode> events() {
    List<String> names = List.of("query", "msg", "Image", "CommandLine", "QueryResults", "id.orig_h", "qtype", "count",
        "AA", "answers", "ts");
    List<Arbitrary<JsonNode>> values = names.stream().map(name -> value().injectNull(0.5)).toList();
    return Combinators.combine(values).as(list -> {
      ObjectNode event = JsonNodeFactory.instance.objectNode();
      for (int i = 0; i < names.size(); i++) {
        JsonNode value = list.get(i);
        if (value == null) {
          continue;
        }
        if (names.get(i).equals("id.orig_h") && value.isTextual() && value.textValue().length() % 2 == 0) {
          event.putObject("id").set("orig_h", value);
        } else {
          event.set(names.get(i), value);
        }
      }
      return event;
    });
  }

  private static Arbitrary<JsonNode> value() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    @SuppressWarnings("unchecked")
    Arbitrary<String> text = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.strings().withChars("aAxX1.-/\\*?:éÉ\n\u2013 cCorpPiIngG").ofMaxLength(12)),
        Tuple.of(3, Arbitraries.of("ns1.corp.example", "ns.corp.example", "NS1.CORP.x", "A*b", "abcX", "b\nc", "a\nb\nc", "É", "10.1.2.3", "10.0.0",
            "2001:db8::53", "2001:DB9::1", "::ffff:10.0.0.1", "192.0.2.200", "192.0.2.10", "252", "252.0", "2.5e2", "+3", "٢٥٢",
            "true", "False", "2024-05-01T10:15:00Z", "2024-05-13 23:59:59", "1714557600", "corp", "x?1",
            "cmd -x", "cmd /x", "cmd \u2014x", "C:\\Windows\\x", "C:\\Windows", "cGluZw==", "IHBpbmc", "cABpAG4AZwA", "")));
    @SuppressWarnings("unchecked")
    Arbitrary<JsonNode> value = Arbitraries.frequencyOf(
        Tuple.of(5, text.map(nodes::textNode)),
        Tuple.of(1, Arbitraries.longs().between(-5, 300).map(nodes::numberNode)),
        Tuple.of(1, Arbitraries.of(1.5, 252.0, 1714557600.25, -0.0, 3.0).map(nodes::numberNode)),
        Tuple.of(1, Arbitraries.of(true, false).map(nodes::booleanNode)),
        Tuple.of(1, Arbitraries.just(nodes.nullNode())),
        Tuple.of(1, text.list().ofMaxSize(3).map(items -> {
          ArrayNode array = nodes.arrayNode();
          items.forEach(array::add);
          return (JsonNode) array;
        })));
    return value;
  }
}
