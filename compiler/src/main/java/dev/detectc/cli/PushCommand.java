package dev.detectc.cli;

import dev.detectc.push.Credentials;
import dev.detectc.push.DesiredRule;
import dev.detectc.push.CredentialsException;
import dev.detectc.push.Endpoint;
import dev.detectc.push.HttpClients;
import dev.detectc.push.Outcome;
import dev.detectc.push.PlannedRule;
import dev.detectc.push.PushPayloads;
import dev.detectc.push.PushPlanner;
import dev.detectc.push.PushTargets;
import dev.detectc.push.Pusher;
import dev.detectc.push.RedactingWriter;
import dev.detectc.push.Redactor;
import dev.detectc.push.ResultReport;
import dev.detectc.push.RetryClock;
import dev.detectc.push.RetryPolicy;
import dev.detectc.push.RuleResult;
import dev.detectc.push.SentinelClient;
import dev.detectc.push.Siem;
import dev.detectc.push.SiemClients;
import dev.detectc.push.Transport;
import dev.detectc.source.Diagnostic;
import dev.detectc.source.DiagnosticPrinter;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code detectc push}: create or update each rule in a SIEM, keyed by rule id, so a second run changes nothing. */
@Command(name = "push", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Create or update each rule in a SIEM (Kibana, Splunk or Sentinel), keyed by its id.",
        "Credentials come only from DETECTC_ELASTIC_API_KEY, DETECTC_SPLUNK_TOKEN, DETECTC_AZURE_TOKEN"
            + " or the file named by DETECTC_CREDENTIALS_FILE.",
        "Exit 0 when every rule is in place, 2 when rules had errors, 4 when the SIEM failed for any rule."})
public final class PushCommand implements Callable<Integer> {

  /** Output formats of the result. */
  enum Format { text, jsonl }

  @Spec
  CommandSpec spec;

  @Mixin
  RuleInput input;

  @Option(names = "--target", required = true, paramLabel = "T",
      description = "kql (Sentinel), spl (Splunk), lucene, eql or esql (Kibana).")
  String target;

  @Option(names = "--profile", defaultValue = "none", paramLabel = "P",
      description = "Field-mapping profile of the target (default ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--to", required = true, paramLabel = "URL", description = {
      "Kibana: https://host:5601[/s/SPACE]; Splunk: https://host:8089/servicesNS/OWNER/APP;",
      "Sentinel: https://management.azure.com/subscriptions/ID/resourceGroups/G/providers/"
          + "Microsoft.OperationalInsights/workspaces/W."})
  String to;

  @Option(names = "--dry-run",
      description = "Read only: print what would be created or updated (with a field diff), write nothing.")
  boolean dryRun;

  @Option(names = "--insecure",
      description = "Do not verify TLS certificates or host names, and allow plain http. Test systems only.")
  boolean insecure;

  @Option(names = "--format", defaultValue = "text", description = "text (a table) or jsonl (one object per rule).")
  Format format;

  @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
      description = "Time allowed for each answer (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(names = "--attempts", defaultValue = "5", paramLabel = "N",
      description = "Attempts per request on 429, 5xx, timeouts and dropped connections (default ${DEFAULT-VALUE}).")
  int attempts;

  @Option(names = "--api-version", defaultValue = SentinelClient.DEFAULT_API_VERSION, paramLabel = "V",
      description = "Sentinel alertRules api-version (default ${DEFAULT-VALUE}).")
  String apiVersion;

  @Option(names = "--verbose", description = "Log every request and retry on stderr.")
  boolean verbose;

  // Seams for tests: the process environment, this build's target wiring, retry pacing and timing.
  Map<String, String> environment = System.getenv();
  PushTargets targets = PushTargets.BUILT_IN;
  RetryClock clock = RetryClock.SYSTEM;
  RetryPolicy basePolicy = RetryPolicy.DEFAULT;

  @Override
  public Integer call() {
    Credentials credentials;
    try {
      credentials = Credentials.load(environment);
    } catch (CredentialsException e) {
      return usage(e.getMessage());
    }
    Redactor redactor = credentials.redactor();
    PrintWriter out = new PrintWriter(new RedactingWriter(spec.commandLine().getOut(), redactor));
    PrintWriter err = new PrintWriter(new RedactingWriter(spec.commandLine().getErr(), redactor));
    try {
      return push(credentials, redactor, out, err);
    } catch (RuntimeException e) {
      // Printed here rather than by Main so the redacting writer sees the message and trace.
      err.println("detectc: internal error (this is a bug): " + e);
      for (StackTraceElement frame : e.getStackTrace()) {
        err.println("    at " + frame);
      }
      return ExitCodes.INTERNAL;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int push(Credentials credentials, Redactor redactor, PrintWriter out, PrintWriter err) {
    if (timeoutSeconds < 1 || attempts < 1) {
      return usage("--timeout and --attempts must be at least 1");
    }
    PushPayloads payloads;
    URI endpoint;
    String secret;
    try {
      payloads = targets.payloads(target, profile);
      endpoint = Endpoint.parse(payloads.siem(), to, insecure);
      secret = credentials.require(payloads.siem());
    } catch (IllegalArgumentException | CredentialsException e) {
      return usage(redactor.redact(e.getMessage()));
    }
    Siem siem = payloads.siem();
    if (insecure) {
      err.println("warning: --insecure: TLS certificates and host names are not checked and plain http is allowed;"
          + " the " + siem.displayName() + " credential can be intercepted. Use it against test systems only.");
    }
    credentials.warnings().forEach(warning -> err.println("warning: " + warning));

    RuleInput.Loaded loaded = input.load();
    PushPlanner.Plan plan = PushPlanner.plan(loaded.rules(), payloads);
    List<Diagnostic> diagnostics = new ArrayList<>(loaded.inputDiagnostics());
    diagnostics.addAll(plan.diagnostics());
    DiagnosticPrinter printer = new DiagnosticPrinter(loaded.sources());
    diagnostics.forEach(diagnostic -> printer.print(diagnostic, err));

    RetryPolicy policy = basePolicy.withMaxAttempts(attempts).withRequestTimeout(Duration.ofSeconds(timeoutSeconds));
    Transport transport = new Transport(HttpClients.create(policy, !insecure), policy, clock,
        verbose ? line -> err.println("  " + line) : line -> { });
    Pusher pusher = new Pusher(SiemClients.create(siem, endpoint, secret, apiVersion, transport), dryRun);
    List<RuleResult> results = new ArrayList<>();
    boolean bug = false;
    for (PlannedRule rule : plan.rules()) {
      RuleResult result;
      try {
        result = rule.desired().isPresent() ? pusher.push(rule.desired().get()) : rule.notPushed().get();
      } catch (RuntimeException e) {
        // A bug on one rule must not hide what was already pushed, nor stop the others.
        bug = true;
        DesiredRule desired = rule.desired().get();
        result = new RuleResult(desired.ruleId(), desired.title(), desired.file(), desired.key(), Outcome.FAILED,
            List.of(), "detectc failed on this rule (a bug; please report it): " + e);
      }
      results.add(result);
      // Progress as it happens, so a run cut short still shows what reached the SIEM.
      err.printf("[%d/%d] %s %s %s%n", results.size(), plan.rules().size(), result.outcome().label(),
          result.ruleId(), result.title());
    }

    ResultReport report = new ResultReport(siem, dryRun, redactor);
    if (format == Format.jsonl) {
      report.printJsonLines(results, out);
    } else {
      report.printTable(results, out);
    }
    err.println(report.summary(results));
    return bug ? ExitCodes.INTERNAL : exitCode(results, diagnostics);
  }

  private static int exitCode(List<RuleResult> results, List<Diagnostic> diagnostics) {
    if (results.stream().anyMatch(result -> result.outcome().failed())) {
      return ExitCodes.PUSH_FAILED;
    }
    boolean ruleErrors = diagnostics.stream().anyMatch(Diagnostic::isError)
        || results.stream().anyMatch(result -> result.outcome() == Outcome.NOT_PUSHED);
    return ruleErrors ? ExitCodes.RULE_ERROR : ExitCodes.OK;
  }

  private int usage(String message) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("detectc push: " + message);
    err.flush();
    return ExitCodes.USAGE;
  }
}
