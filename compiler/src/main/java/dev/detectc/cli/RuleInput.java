package dev.detectc.cli;

import dev.detectc.ir.RuleSet;
import dev.detectc.ir.RuleSetBuilder;
import dev.detectc.rule.Environment;
import dev.detectc.rule.LoadedFile;
import dev.detectc.rule.RuleLoader;
import dev.detectc.source.Diagnostic;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Diagnostics;
import dev.detectc.source.SourcePosition;
import dev.detectc.source.SourceText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The rule files and environment a command works on: loads every file (in parallel; files are
 * independent until lowering), then lowers them together. A crash on one file becomes an
 * internal-error diagnostic naming that file instead of stopping the run.
 */
public final class RuleInput {

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or folders (searched recursively for .yml/.yaml).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--env", paramLabel = "FILE", description = "Environment file with placeholder values (placeholders: {name: [values]}).")
  Path environmentFile;

  /** What a command gets: the lowered rules, sources for caret printing, and problems outside any rule file. */
  public record Loaded(RuleSet rules, Map<String, SourceText> sources, List<Diagnostic> inputDiagnostics) {}

  public Loaded load() {
    List<Diagnostic> inputDiagnostics = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        inputDiagnostics.add(Diagnostic.error(DiagnosticCode.IO_ERROR, path.toString(), SourcePosition.UNKNOWN,
            "no such file or folder"));
      }
    }
    List<Path> files;
    try {
      files = RuleLoader.collect(paths.stream().filter(Files::exists).toList());
    } catch (IOException e) {
      inputDiagnostics.add(Diagnostic.error(DiagnosticCode.IO_ERROR, String.valueOf(paths), SourcePosition.UNKNOWN,
          "cannot list rule files: " + e.getMessage()));
      files = List.of();
    }
    Environment environment = Environment.UNBOUND;
    if (environmentFile != null) {
      Diagnostics envDiagnostics = new Diagnostics(environmentFile.toString());
      environment = Environment.load(environmentFile, envDiagnostics);
      inputDiagnostics.addAll(envDiagnostics.toList());
    }
    RuleLoader loader = new RuleLoader();
    List<LoadedFile> loaded = files.parallelStream().map(file -> loadSafely(loader, file)).toList();
    Map<String, SourceText> sources = new HashMap<>();
    loaded.forEach(file -> sources.put(file.file(), file.source()));
    RuleSet rules = new RuleSetBuilder(environment).build(loaded);
    return new Loaded(rules, sources, inputDiagnostics);
  }

  private static LoadedFile loadSafely(RuleLoader loader, Path file) {
    try {
      return loader.load(file);
    } catch (RuntimeException | StackOverflowError e) {
      Diagnostics diagnostics = new Diagnostics(file.toString());
      diagnostics.error(DiagnosticCode.INTERNAL_ERROR, SourcePosition.UNKNOWN,
          "detectc failed while loading this file (a bug; please report it): " + e);
      return new LoadedFile(file.toString(), SourceText.of(file.toString(), ""), List.of(), diagnostics.toList());
    }
  }
}
