package dev.detectc.cli;

import dev.detectc.push.PushTargets;
import dev.detectc.push.RetryClock;
import dev.detectc.push.RetryPolicy;
import dev.detectc.push.Siem;
import dev.detectc.push.fake.DocumentedPayloads;
import dev.detectc.push.fake.FakeClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code detectc push} in-process through the real command tree, with the seams a test
 * needs: an environment of its own, payloads built from the documented API shapes, and a clock
 * whose retry waits take no time.
 */
public record PushRun(int exitCode, String out, String err) {

  /** Retry settings of the real defaults, but quick to time out: tests never wait on backoff (the clock is fake). */
  static final RetryPolicy TEST_POLICY = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30),
      Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofSeconds(2));

  /** Targets wired to {@link DocumentedPayloads}, standing in for the targets' packaging writers. */
  static final PushTargets DOCUMENTED = (target, profile) -> DocumentedPayloads.of(PushTargets.siemFor(target));

  static PushRun run(Map<String, String> environment, String... args) {
    return run(environment, DOCUMENTED, new FakeClock(), args);
  }

  static PushRun run(Map<String, String> environment, PushTargets targets, RetryClock clock, String... args) {
    CommandLine commandLine = Main.commandLine();
    PushCommand push = commandLine.getSubcommands().get("push").getCommand();
    push.environment = Map.copyOf(environment);
    push.targets = targets;
    push.clock = clock;
    push.basePolicy = TEST_POLICY;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    String[] full = new String[args.length + 1];
    full[0] = "push";
    System.arraycopy(args, 0, full, 1, args.length);
    int code = commandLine.execute(full);
    return new PushRun(code, out.toString(), err.toString());
  }

  /** Payloads for one SIEM that refuse the given rule ids. */
  static PushTargets refusing(Siem siem, String... ruleIds) {
    return (target, profile) -> DocumentedPayloads.of(siem).refusing(ruleIds);
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
