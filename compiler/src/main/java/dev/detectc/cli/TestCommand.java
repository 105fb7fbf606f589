package dev.detectc.cli;

import dev.detectc.eval.fixture.CaseResult;
import dev.detectc.eval.fixture.FixtureLoader;
import dev.detectc.eval.fixture.FixtureRunner;
import dev.detectc.eval.fixture.JunitReport;
import dev.detectc.eval.fixture.SuiteFinder;
import dev.detectc.eval.input.EventTime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detectc test}: run fixture suites and print a verdict per case. */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Run the fixture suites (every fixture.yml under the paths; default test-fixtures/, without"
        + " test-fixtures/invalid/) and print PASS, FAIL or ERROR per case.",
        "Exit 0 when all pass, 1 when a case fails, 2 when a suite, rule or events file has errors."})
public final class TestCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "fixture.yml files or folders (default: test-fixtures).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML (whole or not at all).")
  Path junit;

  @Option(names = "--time-field", split = ",", paramLabel = "FIELD",
      description = "Fields holding the event time, first found wins (default as for eval).")
  List<String> timeFields;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> roots = paths.isEmpty() ? List.of(Path.of("test-fixtures")) : paths;
    List<Path> suites;
    try {
      for (Path root : roots) {
        if (!Files.exists(root)) {
          err.println("detectc: " + root + ": no such file or folder");
          return ExitCodes.RULE_ERROR;
        }
      }
      suites = SuiteFinder.find(roots);
    } catch (IOException e) {
      err.println("detectc: cannot list the fixture suites: " + e.getMessage());
      return ExitCodes.RULE_ERROR;
    }
    if (suites.isEmpty()) {
      err.println("detectc: no " + SuiteFinder.SUITE_FILE + " under " + roots);
      return ExitCodes.RULE_ERROR;
    }
    EventTime time = timeFields == null || timeFields.isEmpty() ? EventTime.defaults() : new EventTime(timeFields);
    FixtureRunner runner = new FixtureRunner(time);
    List<CaseResult> results = new ArrayList<>();
    for (Path suite : suites) {
      for (CaseResult result : runner.run(new FixtureLoader().load(suite))) {
        results.add(result);
        out.printf("%-5s %s: %s%n", result.status(), result.suite(), result.name());
        result.details().forEach(detail -> out.println("      " + detail));
      }
    }
    long failed = results.stream().filter(result -> result.status() == CaseResult.Status.FAIL).count();
    long errors = results.stream().filter(result -> result.status() == CaseResult.Status.ERROR).count();
    out.printf("%d case(s) in %d suite(s): %d passed, %d failed, %d error(s)%n", results.size(), suites.size(),
        results.size() - failed - errors, failed, errors);
    out.flush();
    if (junit != null) {
      try {
        JunitReport.write(junit, results);
      } catch (IOException e) {
        err.println("detectc: cannot write " + junit + ": " + e.getMessage());
        return ExitCodes.RULE_ERROR;
      }
    }
    return errors > 0 ? ExitCodes.RULE_ERROR : failed > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }
}
