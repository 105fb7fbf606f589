package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.ir.RuleSet;
import dev.detectc.testing.GoldenFiles;
import dev.detectc.testing.spl.SplStructure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SPL side of the golden cases in {@code test-fixtures/golden/<case>/}: what every SPL
 * profile makes of each case ({@code spl-<profile>.expected}), and every emitted query passes
 * the structural check. Two cases' savedsearches.conf are golden files too, read back as
 * Splunk reads it. Regenerate with {@code -Dgolden.update=true}, then review the diff.
 */
class SplGoldenTest {

  private static final Target SPL = Target.load("spl");

  static Stream<Path> cases() throws IOException {
    return GoldenCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void splMatches(Path folder) {
    RuleSet rules = GoldenCases.load(folder);
    for (String profile : SPL.spec().profiles()) {
      List<CompiledRule> compiled = Compilation.run(rules, new RuleCompiler(SPL, SPL.profile(profile)));
      GoldenFiles.assertMatches(folder.resolve("spl-" + profile + ".expected"), GoldenCases.render(compiled));
      compiled.forEach(rule -> rule.query().ifPresent(SplStructure::check));
    }
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"dns-zone-transfer", "correlation-temporal-chain"})
  void savedSearchesAreWrittenAndReadBack(String name) {
    Path folder = GoldenCases.ROOT.resolve(name);
    List<CompiledRule> compiled = Compilation.run(GoldenCases.load(folder), new RuleCompiler(SPL, SPL.profile("raw")));
    String conf = SplPackage.savedSearches(SPL, compiled, "golden case " + name + ", profile raw");
    GoldenFiles.assertMatches(folder.resolve("spl-savedsearches.expected"), conf);
    List<SavedSearchStanza> stanzas = SavedSearchesReader.read(conf);
    List<CompiledRule> ok = compiled.stream().filter(CompiledRule::ok).toList();
    assertThat(stanzas).hasSize(ok.size());
    for (int i = 0; i < ok.size(); i++) {
      String search = stanzas.get(i).settings().get("search");
      assertThat(search).startsWith(ok.get(i).query().orElseThrow());
      SplStructure.check(search);
    }
  }
}
