package dev.detectc.cli;

import dev.detectc.rule.Modifier;
import dev.detectc.target.Target;
import dev.detectc.target.TargetCatalog;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code detectc list}: what this build supports. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "List what this build supports: modifiers, targets or profiles.")
public final class ListCommand implements Callable<Integer> {

  /** The catalogues that can be listed. */
  enum Topic { modifiers, targets, profiles }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WHAT", description = "One of: ${COMPLETION-CANDIDATES}.")
  Topic topic;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    switch (topic) {
      case targets:
        for (String name : TargetCatalog.names()) {
          out.printf("%-8s %s%n", name, Target.load(name).spec().description());
        }
        break;
      case profiles:
        for (String name : TargetCatalog.names()) {
          Target target = Target.load(name);
          for (String profile : target.spec().profiles()) {
            out.printf("%-8s %-20s %s%n", name, profile, target.profile(profile).description());
          }
        }
        break;
      default:
        for (Modifier modifier : Modifier.values()) {
          String aliases = modifier.spellings().size() > 1
              ? " (also " + String.join(", ", modifier.spellings().subList(1, modifier.spellings().size())) + ")" : "";
          out.printf("%-14s %s%s%n", modifier.spelling(), modifier.category().name().toLowerCase(java.util.Locale.ROOT)
              .replace('_', ' '), aliases);
        }
    }
    return ExitCodes.OK;
  }
}
