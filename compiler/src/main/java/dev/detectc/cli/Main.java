package dev.detectc.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Entry point: builds the command tree and maps failures to {@link ExitCodes}. */
public final class Main {

  /** The subcommands by name, in the order help lists them. */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("validate", ValidateCommand::new);
    COMMANDS.put("compile", CompileCommand::new);
    COMMANDS.put("eval", EvalCommand::new);
    COMMANDS.put("test", TestCommand::new);
    COMMANDS.put("push", PushCommand::new);
    COMMANDS.put("list", ListCommand::new);
  }

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one invocation with the given writers; tests call this directly. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = commandLine(args.length > 0 ? args[0] : "");
    commandLine.setOut(out);
    commandLine.setErr(err);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine commandLine() {
    return commandLine("");
  }

  /**
   * The command tree for an invocation whose first argument is {@code first}: when that names a
   * subcommand only that one is built, since picocli reads every command's annotations by
   * reflection and building all six costs a fifth of a second at start-up; otherwise (root help,
   * --version, a typo to suggest a correction for) all of them.
   */
  static CommandLine commandLine(String first) {
    CommandLine commandLine = new CommandLine(new DetectcCommand());
    COMMANDS.forEach((name, command) -> {
      if (!COMMANDS.containsKey(first) || first.equals(name)) {
        commandLine.addSubcommand(name, command.get());
      }
    });
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExitCodeExceptionMapper(exception -> ExitCodes.INTERNAL);
    commandLine.setParameterExceptionHandler((exception, arguments) -> {
      CommandLine failed = exception.getCommandLine();
      failed.getErr().println("detectc: " + exception.getMessage());
      failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
      return ExitCodes.USAGE;
    });
    commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
      failed.getErr().println("detectc: internal error (this is a bug): " + exception);
      for (StackTraceElement frame : exception.getStackTrace()) {
        failed.getErr().println("    at " + frame);
      }
      return ExitCodes.INTERNAL;
    });
    return commandLine;
  }
}
