package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code test-fixtures/invalid/} is a broken rule; {@code expected.txt} lists the
 * exact diagnostics (file, line, column, severity, code) each must produce, no more, no fewer.
 */
class InvalidFixturesTest {

  private static final Path DIR = Path.of("test-fixtures/invalid");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, List<String>> expected() throws IOException {
    Map<String, List<String>> byFile = new TreeMap<>();
    for (String line : Files.readAllLines(DIR.resolve("expected.txt"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String file = line.substring(0, line.indexOf(':'));
      byFile.computeIfAbsent(file, key -> new ArrayList<>()).add(line);
    }
    return byFile;
  }

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".yml")).sorted()
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void reportsExactlyTheExpectedDiagnostics(String name) throws IOException {
    CliRun run = CliRun.of("validate", "--format", "json", "--env", DIR.resolve("environment.yaml").toString(),
        DIR.resolve(name).toString());
    List<String> actual = new ArrayList<>();
    for (String line : run.out().lines().toList()) {
      JsonNode diagnostic = JSON.readTree(line);
      boolean counted = diagnostic.get("severity").asText().equals("error") || name.startsWith("lint-");
      assertThat(diagnostic.get("file").asText()).endsWith(name);
      if (counted) {
        actual.add(name + ":" + diagnostic.get("line").asInt() + ":" + diagnostic.get("column").asInt() + " "
            + diagnostic.get("severity").asText() + "[" + diagnostic.get("code").asText() + "]");
      }
    }
    assertThat(actual).as("diagnostics of %s", name).containsExactlyInAnyOrderElementsOf(expected().get(name));
    assertThat(run.exitCode()).isEqualTo(name.startsWith("lint-") ? ExitCodes.OK : ExitCodes.RULE_ERROR);
  }

  @Test
  void everyFixtureHasExpectationsAndEveryCodeHasAFixture() throws IOException {
    Set<String> files = fixtures().collect(Collectors.toSet());
    assertThat(expected().keySet()).containsExactlyInAnyOrderElementsOf(files);
    Set<String> covered = expected().values().stream().flatMap(List::stream)
        .map(line -> line.substring(line.indexOf('[') + 1, line.indexOf(']'))).collect(Collectors.toSet());
    // Target refusals and approximations come from compile, not validate; the golden and target tests cover them.
    Set<DiagnosticCode> compileOnly = Set.of(DiagnosticCode.INTERNAL_ERROR, DiagnosticCode.UNSUPPORTED_FEATURE,
        DiagnosticCode.UNMAPPED_LOGSOURCE, DiagnosticCode.UNMAPPED_FIELD, DiagnosticCode.APPROXIMATE_WINDOW);
    Set<String> codes = Arrays.stream(DiagnosticCode.values()).filter(code -> !compileOnly.contains(code))
        .map(DiagnosticCode::id).collect(Collectors.toSet());
    assertThat(covered).containsAll(codes);
    assertThat(files).hasSizeGreaterThanOrEqualTo(40);
  }
}
