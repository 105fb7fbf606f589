package dev.detectc.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.detectc.ir.RuleSet;
import dev.detectc.ir.RuleSetBuilder;
import dev.detectc.rule.Environment;
import dev.detectc.rule.LoadedFile;
import dev.detectc.rule.RuleLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Access to {@code ../shared} (the public Sigma corpus and the real logs). CI always has it and
 * fails loudly when it is missing; a developer who cloned only this repository gets the tests
 * skipped with a message saying why.
 */
public final class Shared {

  private Shared() {}

  /** The repository root (Surefire runs tests there). */
  public static Path root() {
    return Path.of("").toAbsolutePath();
  }

  public static Path shared() {
    Path shared = root().resolve("../shared").normalize();
    boolean present = Files.isDirectory(shared.resolve("corpus/sigma/rules"));
    if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but " + shared + " is missing: CI must run with ../shared beside the clone");
    }
    Assumptions.assumeTrue(present, "skipped: " + shared + " is not present (clone ../shared beside this repository to run it)");
    return shared;
  }

  public static Path corpus() {
    return shared().resolve("corpus/sigma/rules");
  }

  private static RuleSet corpusRules;

  /**
   * The corpus loaded and lowered (no environment), once per test JVM: several test classes
   * compile it to their targets, and loading 3,141 files is the expensive part.
   */
  public static synchronized RuleSet corpusRules() {
    Path corpus = corpus();
    if (corpusRules == null) {
      RuleLoader loader = new RuleLoader();
      try {
        List<LoadedFile> files = RuleLoader.collect(List.of(corpus)).parallelStream().map(loader::load).toList();
        corpusRules = new RuleSetBuilder(Environment.UNBOUND).build(files);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return corpusRules;
  }

  public static Path realLogs() {
    return shared().resolve("logs-real");
  }
}
