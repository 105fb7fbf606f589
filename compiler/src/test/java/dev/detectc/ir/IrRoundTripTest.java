package dev.detectc.ir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.rule.Environment;
import dev.detectc.rule.LoadedFile;
import dev.detectc.rule.RuleLoader;
import dev.detectc.testing.Shared;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IR printer is canonical: printing and reading back gives the same IR, for every real rule. */
class IrRoundTripTest {

  private static int roundTrip(Path... paths) throws Exception {
    RuleLoader loader = new RuleLoader();
    List<LoadedFile> files = RuleLoader.collect(List.of(paths)).stream().map(loader::load).toList();
    RuleSet set = new RuleSetBuilder(Environment.UNBOUND).build(files);
    int checked = 0;
    for (LoweredDocument document : set.documents()) {
      if (document.ir().isPresent() && document.ir().get() instanceof IrRule) {
        for (IrExpr condition : ((IrRule) document.ir().get()).conditions()) {
          String printed = IrPrinter.print(condition);
          assertThat(IrTextReader.read(printed)).as("%s\n%s", document.file(), printed).isEqualTo(condition);
          checked++;
        }
      }
    }
    return checked;
  }

  @Test
  void shippedRulesRoundTrip() throws Exception {
    assertThat(roundTrip(Path.of("rules"), Path.of("test-fixtures/invalid"))).isGreaterThan(20);
  }

  @Test
  void corpusRulesRoundTrip() throws Exception {
    assertThat(roundTrip(Shared.corpus())).isGreaterThanOrEqualTo(3141);
  }

  @Test
  void awkwardValuesRoundTrip() {
    IrExpr expr = IrExpr.or(List.of(
        new StringMatch("field with space", MatchKind.CONTAINS, Pattern.parse("a\"b'c\\*d\n\t\u0000*e?"), true),
        new KeywordMatch(MatchKind.ENDS_WITH, Pattern.parse("x\\\\"), false),
        new RegexMatch("f", "^a \"b\"\\s+$", java.util.Set.of(RegexFlag.MULTILINE)),
        new Placeholder("ip", "dns_secondary_servers", MatchKind.EQUALS, true, false),
        new Not(new FieldExists("\"odd\""))));
    assertThat(IrTextReader.read(IrPrinter.print(expr))).isEqualTo(expr);
  }
}
