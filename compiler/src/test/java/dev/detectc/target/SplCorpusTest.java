package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.ir.RuleSet;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.testing.Shared;
import dev.detectc.testing.spl.SplStructure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The public Sigma corpus ({@code ../shared/corpus/sigma/rules}, 3,141 rules) compiled to SPL:
 * with profile none every rule compiles or is refused with a typed error that says why (an
 * unsupported construct, never an internal error), with the other profiles a missing mapping is
 * allowed too, and every query emitted passes the structural check.
 */
class SplCorpusTest {

  private static final Set<DiagnosticCode> MAPPING = Set.of(DiagnosticCode.UNMAPPED_LOGSOURCE, DiagnosticCode.UNMAPPED_FIELD);

  @Test
  void everyCorpusRuleCompilesOrIsRefusedWithAReasonAndEveryQueryIsWellFormed() throws IOException {
    RuleSet rules = Shared.corpusRules();
    assertThat(rules.documents()).hasSize(3141);
    Target spl = Target.load("spl");
    Map<String, String> counts = new TreeMap<>();
    for (String name : spl.spec().profiles()) {
      List<CompiledRule> compiled = Compilation.run(rules, new RuleCompiler(spl, spl.profile(name)));
      assertThat(compiled).hasSize(3141);
      List<String> wrong = new ArrayList<>();
      Map<String, Integer> refusals = new TreeMap<>();
      int ok = 0;
      for (CompiledRule rule : compiled) {
        if (rule.ok()) {
          ok++;
          try {
            SplStructure.check(rule.query().orElseThrow());
          } catch (RuntimeException e) {
            wrong.add(rule.file() + ": malformed query (" + e.getMessage() + "): " + rule.query().orElseThrow());
          }
          continue;
        }
        DiagnosticCode code = rule.error().get().code();
        refusals.merge(code.id(), 1, Integer::sum);
        boolean typed = code == DiagnosticCode.UNSUPPORTED_FEATURE || (!spl.profile(name).open() && MAPPING.contains(code));
        if (!typed || rule.error().get().message().isBlank()) {
          wrong.add(rule.file() + ": " + rule.error().get());
        }
      }
      assertThat(wrong).as("profile " + name).isEmpty();
      counts.put(name, ok + " compiled, refused " + refusals);
    }
    System.out.println("SPL corpus: " + counts);
  }
}
