package dev.detectc.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: only dispatches to subcommands. */
@Command(
    name = "detectc",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Sigma detection-rule compiler: validate rules, prove them on logs, emit SIEM queries.")
public final class DetectcCommand implements Runnable {

  /**
   * The subcommands in the order help lists them. They are registered by {@link Main} rather than
   * in the annotation so that a run builds picocli's reflective model of only the command it
   * runs: modelling all six took a tenth of a second of every short run.
   */
  static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("validate", ValidateCommand::new);
    commands.put("compile", CompileCommand::new);
    commands.put("eval", EvalCommand::new);
    commands.put("test", TestCommand::new);
    commands.put("push", PushCommand::new);
    commands.put("list", ListCommand::new);
    return Collections.unmodifiableMap(commands);
  }

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: validate, compile, eval, test, push or list");
  }
}
