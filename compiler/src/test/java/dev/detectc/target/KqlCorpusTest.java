package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.ir.RuleSet;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.testing.KustoChecker;
import dev.detectc.testing.Shared;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The public Sigma corpus ({@code ../shared/corpus/sigma/rules}, 3,141 rules) compiled to KQL:
 * with profile none every rule compiles, with the other profiles every rule compiles or is
 * refused because a log source or field has no mapping, and Microsoft's Kusto parser and binder
 * accept every query emitted (open predicates for none, the profile's database otherwise).
 */
class KqlCorpusTest {

  private static final Set<DiagnosticCode> MAPPING = Set.of(DiagnosticCode.UNMAPPED_LOGSOURCE, DiagnosticCode.UNMAPPED_FIELD);

  @Test
  void everyCorpusRuleCompilesOrIsRefusedForAMappingAndEveryQueryParses() throws IOException {
    RuleSet rules = Shared.corpusRules();
    assertThat(rules.documents()).hasSize(3141);

    Target kql = Target.load("kql");
    List<KustoChecker.Request> requests = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Map<String, String> counts = new TreeMap<>();
    for (String name : kql.spec().profiles()) {
      Profile profile = kql.profile(name);
      List<CompiledRule> compiled = Compilation.run(rules, new RuleCompiler(kql, profile));
      assertThat(compiled).hasSize(3141);
      List<String> wrongRefusals = new ArrayList<>();
      int ok = 0;
      for (CompiledRule rule : compiled) {
        if (rule.ok()) {
          ok++;
          requests.add(new KustoChecker.Request(rule.query().orElseThrow(), profile.open() ? "open" : profile.database(), "check"));
          names.add(name + " " + rule.file());
        } else if (profile.open() || !MAPPING.contains(rule.error().get().code())) {
          wrongRefusals.add(rule.file() + ": " + rule.error().get());
        }
      }
      assertThat(wrongRefusals).as("refusals other than a missing mapping, profile " + name).isEmpty();
      counts.put(name, ok + " compiled, " + (compiled.size() - ok) + " refused for a missing mapping");
    }
    System.out.println("KQL corpus: " + counts);

    List<JsonNode> results = KustoChecker.checkInParallel(requests, 2);
    List<String> rejected = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (!results.get(i).get("ok").asBoolean()) {
        rejected.add(names.get(i) + ": " + results.get(i).get("errors"));
      }
    }
    assertThat(rejected).as("queries the Kusto parser rejects").isEmpty();
  }
}
