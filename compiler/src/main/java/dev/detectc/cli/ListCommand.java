package dev.detectc.cli;

import dev.detectc.rule.Modifier;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detectc list}: what this build supports. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "List what this build supports: modifiers.")
public final class ListCommand implements Callable<Integer> {

  /** The catalogues that can be listed. */
  enum Topic { modifiers }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WHAT", description = "One of: ${COMPLETION-CANDIDATES}.")
  Topic topic;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Modifier modifier : Modifier.values()) {
      String aliases = modifier.spellings().size() > 1
          ? " (also " + String.join(", ", modifier.spellings().subList(1, modifier.spellings().size())) + ")" : "";
      out.printf("%-14s %s%s%n", modifier.spelling(), modifier.category().name().toLowerCase(java.util.Locale.ROOT)
          .replace('_', ' '), aliases);
    }
    return ExitCodes.OK;
  }
}
