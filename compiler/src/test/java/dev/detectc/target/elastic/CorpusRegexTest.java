package dev.detectc.target.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.ir.And;
import dev.detectc.ir.IrDocument;
import dev.detectc.ir.IrExpr;
import dev.detectc.ir.IrRule;
import dev.detectc.ir.Not;
import dev.detectc.ir.Or;
import dev.detectc.ir.RegexMatch;
import dev.detectc.ir.RuleSetBuilder;
import dev.detectc.rule.Environment;
import dev.detectc.rule.LoadedFile;
import dev.detectc.rule.RuleLoader;
import dev.detectc.testing.Shared;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.util.automaton.RegExp;
import org.junit.jupiter.api.Test;

/**
 * Every regular expression in the public Sigma corpus either translates into Lucene syntax that
 * Lucene's own parser accepts (and the query-string grammar keeps whole), or is refused with a
 * reason naming the construct. The counts are printed for the report.
 */
class CorpusRegexTest {

  @Test
  void everyCorpusRegexTranslatesOrIsRefusedWithAReason() throws Exception {
    Path corpus = Shared.corpus();
    RuleLoader loader = new RuleLoader();
    List<LoadedFile> files = RuleLoader.collect(List.of(corpus)).parallelStream().map(loader::load).toList();
    List<RegexMatch> regexes = new ArrayList<>();
    for (IrDocument document : new RuleSetBuilder(Environment.UNBOUND).build(files).emitted()) {
      if (document instanceof IrRule) {
        ((IrRule) document).conditions().forEach(condition -> collect(condition, regexes));
      }
    }
    int translated = 0;
    int tooLong = 0;
    List<String> tooComplex = new ArrayList<>();
    Map<String, Integer> refusals = new TreeMap<>();
    for (RegexMatch match : regexes) {
      try {
        String lucene = LuceneRegex.of(match);
        new RegExp(lucene);
        if (!determinizes(lucene)) {
          tooComplex.add(match.regex());
          continue;
        }
        assertThat(LuceneQueryTextTest.parse("f:" + LuceneQueryText.regex(lucene) + " AND g:x").toString())
            .as(match.regex()).startsWith("+f:/").endsWith("+g:x");
        translated++;
        tooLong += lucene.length() > LuceneRegex.MAX_LENGTH ? 1 : 0;
      } catch (Unexpressible e) {
        String reason = e.getMessage().replaceAll(".* uses (.*), which .*", "$1").replaceAll("'.*'", "'…'");
        refusals.merge(reason, 1, Integer::sum);
      }
    }
    System.out.printf("corpus regexes: %d, translated %d (%d over %d chars), too complex for 10000 states %d %s,"
        + " refused %d: %s%n", regexes.size(), translated, tooLong, LuceneRegex.MAX_LENGTH, tooComplex.size(),
        tooComplex.stream().limit(5).toList(), refusals.values().stream().mapToInt(Integer::intValue).sum(), refusals);
    assertThat(regexes).hasSizeGreaterThan(100);
    assertThat(translated + tooComplex.size() + refusals.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(regexes.size());
  }

  /** Whether Lucene (and so Elasticsearch, with its default max_determinized_states) can build the automaton. */
  static boolean determinizes(String lucene) {
    try {
      org.apache.lucene.util.automaton.Operations.determinize(new RegExp(lucene).toAutomaton(), 10_000);
      return true;
    } catch (org.apache.lucene.util.automaton.TooComplexToDeterminizeException e) {
      return false;
    }
  }

  private static void collect(IrExpr expr, List<RegexMatch> out) {
    if (expr instanceof RegexMatch) {
      out.add((RegexMatch) expr);
    } else if (expr instanceof And) {
      ((And) expr).terms().forEach(term -> collect(term, out));
    } else if (expr instanceof Or) {
      ((Or) expr).terms().forEach(term -> collect(term, out));
    } else if (expr instanceof Not) {
      collect(((Not) expr).operand(), out);
    }
  }
}
