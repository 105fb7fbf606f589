package dev.detectc.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: only dispatches to subcommands (registered by {@link Main}). */
@Command(
    name = "detectc",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Sigma detection-rule compiler: validate rules, prove them on logs, emit SIEM queries.")
public final class DetectcCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: validate, compile, eval, test, push or list");
  }
}
