package dev.detectc.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point: builds the command tree and maps failures to {@link ExitCodes}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, console(FileDescriptor.out, System.console() != null), console(FileDescriptor.err, true)));
  }

  /**
   * A UTF-8 writer on a standard stream. System.out encodes with the platform charset, which is
   * US-ASCII under LANG=C (as in many CI containers): a rule value such as 'café' came out as
   * 'caf?', a silently different query. Output is flushed per line only on a terminal; piped
   * output is buffered and flushed when the command ends.
   */
  private static PrintWriter console(FileDescriptor stream, boolean flushEachLine) {
    Writer writer = new OutputStreamWriter(new FileOutputStream(stream), StandardCharsets.UTF_8);
    return new PrintWriter(flushEachLine ? writer : new BufferedWriter(writer, 1 << 16), flushEachLine);
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

  /** The command tree with every subcommand, as help and usage errors show it. */
  static CommandLine commandLine() {
    return commandLine("");
  }

  /**
   * The command tree for a run whose first argument is {@code first}: just that subcommand when
   * it names one (the run can reach no other), all of them otherwise, so that help, "missing
   * command" and unknown-command errors list every choice.
   */
  static CommandLine commandLine(String first) {
    CommandLine commandLine = new CommandLine(new DetectcCommand());
    DetectcCommand.SUBCOMMANDS.forEach((name, command) -> {
      if (first.equals(name) || !DetectcCommand.SUBCOMMANDS.containsKey(first)) {
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
