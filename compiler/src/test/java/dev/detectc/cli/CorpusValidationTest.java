package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.testing.CliRun;
import dev.detectc.testing.Shared;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The 3,141 public SigmaHQ rules are real input nobody here wrote: every one must load and validate. */
class CorpusValidationTest {

  @Test
  void everyCorpusRuleValidatesWithoutErrors() throws Exception {
    Path corpus = Shared.corpus();
    long files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(path -> path.toString().endsWith(".yml")).count();
    }
    CliRun run = CliRun.of("validate", "--format", "json", corpus.toString());
    long errors = run.out().lines().filter(line -> line.contains("\"severity\":\"error\"")).count();
    long warnings = run.out().lines().filter(line -> line.contains("\"severity\":\"warning\"")).count();
    assertThat(run.out().lines().filter(line -> line.contains("\"severity\":\"error\"")).limit(20))
        .as("errors in the corpus").isEmpty();
    assertThat(errors).isZero();
    assertThat(files).isEqualTo(3141);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    System.out.printf("corpus: %d rules validated, %d warnings%n", files, warnings);
  }
}
