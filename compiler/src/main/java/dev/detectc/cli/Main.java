package dev.detectc.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point: builds the command tree and maps failures to {@link ExitCodes}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one invocation with the given writers; tests call this directly. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new DetectcCommand());
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
