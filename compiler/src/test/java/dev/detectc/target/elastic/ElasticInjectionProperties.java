package dev.detectc.target.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.ir.IrExpr;
import dev.detectc.ir.IrRule;
import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import dev.detectc.ir.StringMatch;
import dev.detectc.rule.LogSource;
import dev.detectc.rule.RuleInfo;
import dev.detectc.source.SourcePosition;
import dev.detectc.target.CompileResult;
import dev.detectc.target.RuleCompiler;
import dev.detectc.target.Target;
import dev.detectc.target.elastic.engine.DslTranslator;
import dev.detectc.target.elastic.engine.EsQueryStringParser;
import dev.detectc.target.elastic.engine.FixtureIndex;
import dev.detectc.target.elastic.engine.IndexMapping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Injection, per target: any value, however hostile, stays inside its literal. The rule is
 * {@code f == value and g == "sentinel"}; for Lucene and the DSL the emitted query runs over
 * three events and must find exactly the one holding the value and the sentinel; for EQL and
 * ES|QL the query must pass the structural check, its first literal must decode to the value and
 * the sentinel clause must come last, untouched.
 */
class ElasticInjectionProperties {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Map<String, Target> TARGETS = Map.of("lucene", Target.load("lucene"), "dsl", Target.load("dsl"),
      "eql", Target.load("eql"), "esql", Target.load("esql"));

  @Provide
  Arbitrary<String> hostile() {
    // Whole code points only: a lone surrogate is not text any engine stores (Lucene writes U+FFFD for it).
    List<String> tokens = "aAkK\u212A1 \t\n\r\u3000\"'`\\*?:/()[]{}<>!&|^~+-=#@.,;%$\u0000\u001f\u00e9".chars()
        .mapToObj(c -> String.valueOf((char) c)).collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    tokens.addAll(List.of("\uD83D\uDE00", "AND", "OR", "NOT", "\"\"\"", "*/", "\\\\"));
    return Arbitraries.of(tokens).list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts));
  }

  static IrRule rule(String value, boolean cased) {
    IrExpr condition = IrExpr.and(List.of(new StringMatch("f", MatchKind.EQUALS, Pattern.literal(value), cased),
        new StringMatch("g", MatchKind.EQUALS, Pattern.literal("sentinel"), true)));
    RuleInfo info = new RuleInfo("injection.yml", new SourcePosition(1, 1), "injection", null, null, null, null, null,
        null, null, List.of(), null, null, List.of(), null, List.of(), List.of(), List.of(), List.of(), Map.of());
    LogSource logsource = new LogSource("test", null, null, null, Map.of(), Map.of(), new SourcePosition(1, 1));
    return new IrRule(info, logsource, List.of(condition), true);
  }

  static String compile(String target, IrRule rule) {
    Target loaded = TARGETS.get(target);
    CompileResult result = new RuleCompiler(loaded, loaded.profile("none")).compile(rule);
    assertThat(result.refusal()).as(target).isEmpty();
    return result.query().orElseThrow();
  }

  @Property(tries = 150)
  void luceneAndDslFindExactlyTheValue(@ForAll("hostile") String value, @ForAll boolean cased) throws Exception {
    Map<String, JsonNode> events = new LinkedHashMap<>();
    events.put("hit", JSON.createObjectNode().put("f", value).put("g", "sentinel"));
    events.put("longer", JSON.createObjectNode().put("f", value + "x").put("g", "sentinel"));
    events.put("other", JSON.createObjectNode().put("f", value).put("g", "other"));
    IrRule rule = rule(value, cased);
    try (FixtureIndex index = new FixtureIndex(new IndexMapping(Map.of()), events)) {
      String lucene = compile("lucene", rule);
      assertThat(index.search(new EsQueryStringParser(index.queries()).parseQuery(lucene))).as(lucene).containsExactly("hit");
      String dsl = compile("dsl", rule);
      assertThat(index.search(new DslTranslator(index.queries()).translate(JSON.readTree(dsl)))).as(JSON.writeValueAsString(dsl))
          .containsExactly("hit");
    }
  }

  @Property(tries = 200)
  void eqlAndEsqlKeepTheValueInItsLiteral(@ForAll("hostile") String value, @ForAll boolean cased) {
    IrRule rule = rule(value, cased);
    String eql = compile("eql", rule);
    assertThat(QueryStructure.problem(eql, true)).as(eql).isNull();
    assertThat(eql).endsWith(" and g == \"sentinel\"");
    String literal = LiteralReader.eql(eql, eql.indexOf('"')).value();
    assertThat(cased ? literal : unwildcard(literal)).as(eql).isEqualTo(value);
    String esql = compile("esql", rule);
    assertThat(QueryStructure.problem(esql, false)).as(esql).isNull();
    assertThat(esql).endsWith(" AND g == \"sentinel\"");
    String esqlLiteral = LiteralReader.esql(esql, esql.indexOf('"')).value();
    assertThat(esqlLiteral).as(esql).isEqualTo(cased ? value : value.toLowerCase(java.util.Locale.ROOT));
  }

  /** The text a Lucene wildcard pattern without wildcards stands for. */
  private static String unwildcard(String pattern) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      assertThat(c == '*' || c == '?').as("unescaped wildcard in " + pattern).isFalse();
      text.append(c == '\\' ? pattern.charAt(++i) : c);
    }
    return text.toString();
  }
}
