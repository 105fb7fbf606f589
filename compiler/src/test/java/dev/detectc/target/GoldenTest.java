package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.ir.RuleSet;
import dev.detectc.testing.GoldenFiles;
import dev.detectc.testing.KustoChecker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One folder per case under {@code test-fixtures/golden/}: the rule, its IR ({@code ir.txt}) and
 * what every KQL profile ({@code kql-<profile>.expected}) and the test dialect
 * ({@code test.expected}) make of it. Regenerate with {@code -Dgolden.update=true}; every KQL
 * query in the goldens must also pass Microsoft's Kusto parser.
 */
class GoldenTest {

  private static final Target KQL = Target.load("kql");
  private static final Target TEST = Target.load("test");

  static Stream<Path> cases() throws IOException {
    return GoldenCases.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void irMatches(Path folder) {
    GoldenFiles.assertMatches(folder.resolve("ir.txt"), GoldenCases.ir(GoldenCases.load(folder)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void kqlMatches(Path folder) {
    RuleSet rules = GoldenCases.load(folder);
    for (String profile : KQL.spec().profiles()) {
      List<CompiledRule> compiled = Compilation.run(rules, new RuleCompiler(KQL, KQL.profile(profile)));
      GoldenFiles.assertMatches(folder.resolve("kql-" + profile + ".expected"), GoldenCases.render(compiled));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void testDialectMatches(Path folder) {
    List<CompiledRule> compiled = Compilation.run(GoldenCases.load(folder), new RuleCompiler(TEST, TEST.profile("none")));
    GoldenFiles.assertMatches(folder.resolve("test.expected"), GoldenCases.render(compiled));
  }

  @Test
  void everyGoldenKqlQueryPassesTheKustoParser() throws IOException {
    List<KustoChecker.Request> requests = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path folder : cases().toList()) {
      RuleSet rules = GoldenCases.load(folder);
      for (String profile : KQL.spec().profiles()) {
        Profile loaded = KQL.profile(profile);
        for (CompiledRule rule : Compilation.run(rules, new RuleCompiler(KQL, loaded))) {
          rule.query().ifPresent(query -> {
            requests.add(new KustoChecker.Request(query, loaded.open() ? "open" : loaded.database(), "check"));
            names.add(folder.getFileName() + " / " + profile + " / " + rule.info().title());
          });
        }
      }
    }
    assertThat(requests.size()).as("golden KQL queries").isGreaterThan(30);
    try (KustoChecker checker = KustoChecker.start()) {
      List<JsonNode> results = checker.check(requests);
      List<String> failures = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        if (!results.get(i).get("ok").asBoolean()) {
          failures.add(names.get(i) + ": " + results.get(i).get("errors") + "\n" + requests.get(i).query());
        }
      }
      assertThat(failures).isEmpty();
    }
  }
}
