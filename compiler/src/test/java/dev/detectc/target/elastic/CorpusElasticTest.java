package dev.detectc.target.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.ir.RuleSet;
import dev.detectc.target.Compilation;
import dev.detectc.target.CompiledRule;
import dev.detectc.target.RuleCompiler;
import dev.detectc.target.Target;
import dev.detectc.testing.Shared;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 3,141 public Sigma rules through the four Elastic targets: every Lucene query string parses
 * with Lucene's classic QueryParser, every Query DSL body is JSON that round-trips through
 * Jackson, every EQL and ES|QL query passes the structural check, and every rule that does not
 * compile has a typed error with a reason. The counts are printed for the report.
 */
class CorpusElasticTest {

  /** The corpus loaded and lowered once for every test class that needs it. */
  static RuleSet corpus() {
    return Shared.corpusRules();
  }

  @BeforeAll
  static void load() {
    corpus();
  }

  static List<CompiledRule> compile(String target, String profile) {
    Target loaded = Target.load(target);
    return Compilation.run(corpus(), new RuleCompiler(loaded, loaded.profile(profile)));
  }

  static Map<String, Integer> refusals(List<CompiledRule> compiled) {
    Map<String, Integer> reasons = new TreeMap<>();
    for (CompiledRule rule : compiled) {
      rule.error().ifPresent(error -> {
        assertThat(error.message()).as(rule.file()).isNotBlank();
        String reason = error.code().id() + ": " + error.message().replaceAll("'[^']*'", "'…'").replaceAll("/.*/", "/…/");
        reasons.merge(reason.length() > 160 ? reason.substring(0, 160) : reason, 1, Integer::sum);
      });
    }
    return reasons;
  }

  @Test
  void luceneQueriesAllParse() throws Exception {
    List<CompiledRule> compiled = compile("lucene", "ecs");
    int parsed = 0;
    List<String> failures = new ArrayList<>();
    for (CompiledRule rule : compiled) {
      if (rule.query().isEmpty()) {
        continue;
      }
      try {
        new SyntaxOnlyQueryParser().parse(rule.query().get());
        parsed++;
      } catch (Exception e) {
        failures.add(rule.file() + ": " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    System.out.printf("lucene/ecs: %d rules, %d queries parse, %d refused: %s%n", compiled.size(), parsed,
        compiled.stream().filter(rule -> !rule.ok()).count(), refusals(compiled));
    assertThat(failures).as("Lucene parse failures").isEmpty();
    assertThat(compiled.size()).isGreaterThanOrEqualTo(3000);
  }

  @Test
  void dslQueriesAreJsonThatRoundTrips() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<CompiledRule> compiled = compile("dsl", "ecs");
    for (CompiledRule rule : compiled) {
      if (rule.query().isPresent()) {
        String query = rule.query().get();
        assertThat(json.writeValueAsString(json.readTree(query))).as(rule.file()).isEqualTo(query);
      }
    }
    System.out.printf("dsl/ecs: %d rules, %d compiled, refused: %s%n", compiled.size(),
        compiled.stream().filter(CompiledRule::ok).count(), refusals(compiled));
  }

  @Test
  void eqlAndEsqlQueriesAreWellFormed() {
    for (String target : List.of("eql", "esql")) {
      List<CompiledRule> compiled = compile(target, "ecs");
      for (CompiledRule rule : compiled) {
        rule.query().ifPresent(query -> assertThat(QueryStructure.problem(query, target.equals("eql")))
            .as(rule.file() + "\n" + query).isNull());
      }
      System.out.printf("%s/ecs: %d rules, %d compiled, refused: %s%n", target, compiled.size(),
          compiled.stream().filter(CompiledRule::ok).count(), refusals(compiled));
    }
  }
}
