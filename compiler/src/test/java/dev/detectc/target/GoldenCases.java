package dev.detectc.target;

import dev.detectc.ir.IrPrinter;
import dev.detectc.ir.LoweredDocument;
import dev.detectc.ir.RuleSet;
import dev.detectc.ir.RuleSetBuilder;
import dev.detectc.rule.Environment;
import dev.detectc.rule.RuleLoader;
import dev.detectc.source.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The golden cases in {@code test-fixtures/golden/<case>/}: {@code rule.yml} (one or more
 * documents), an optional {@code environment.yml}, and the expected outputs beside them.
 */
final class GoldenCases {

  static final Path ROOT = Path.of("test-fixtures/golden");

  private GoldenCases() {}

  static Stream<Path> all() throws IOException {
    try (Stream<Path> list = Files.list(ROOT)) {
      return list.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  static RuleSet load(Path folder) {
    Path environmentFile = folder.resolve("environment.yml");
    Environment environment = Environment.UNBOUND;
    if (Files.exists(environmentFile)) {
      environment = Environment.load(environmentFile, new Diagnostics(environmentFile.toString()));
    }
    return new RuleSetBuilder(environment).build(List.of(new RuleLoader().load(folder.resolve("rule.yml"))));
  }

  /** The IR of every document, as {@code ir.txt} holds it. */
  static String ir(RuleSet rules) {
    StringBuilder text = new StringBuilder();
    for (LoweredDocument document : rules.documents()) {
      text.append(document.ir().map(IrPrinter::print).orElse("error: " + document.errorSummary() + "\n")).append('\n');
    }
    return text.toString();
  }

  /** What one target and profile make of the case: each output's title, then its query or error, then warnings. */
  static String render(List<CompiledRule> compiled) {
    StringBuilder text = new StringBuilder();
    for (CompiledRule rule : compiled) {
      text.append("// ").append(rule.info().title()).append('\n');
      rule.query().ifPresent(query -> text.append(query).append('\n'));
      rule.error().ifPresent(error -> text.append("error[").append(error.code().id()).append("]: ").append(error.message())
          .append('\n'));
      rule.warnings().forEach(warning -> text.append("warning[").append(warning.code().id()).append("]: ")
          .append(warning.message()).append('\n'));
      text.append('\n');
    }
    return text.toString();
  }
}
