package dev.detectc.cli;

import dev.detectc.push.PushPlanner;
import dev.detectc.push.PushTargets;
import dev.detectc.push.RetryClock;
import dev.detectc.push.fake.FakeKibana;
import dev.detectc.push.fake.FakeSiemServer;
import dev.detectc.push.fake.FakeSplunk;
import dev.detectc.push.fake.Recorded;
import dev.detectc.push.fake.Reply;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Benchmark, not a test (run by {@code scripts/bench-push.sh}): pushes a rule set, compiled by
 * the real lucene target (profile ecs) to a loopback Kibana emulator, or by the spl target to a
 * loopback Splunk emulator, through the real command three times (all created, all unchanged, a
 * dry run) and prints wall time, requests and peak heap for each. Planning alone (load, lower,
 * build bodies) is timed first, so the share of HTTP on loopback is known apart from push's own work.
 */
public final class PushBench {

  private PushBench() {}

  /** One pushable target with its emulator: profile, credential variable, address suffix. */
  private record Bench(String target, String profile, String variable, String path,
      Function<Recorded, Reply> emulator) {}

  public static void main(String[] args) throws Exception {
    String rules = args.length > 0 ? args[0] : "../shared/corpus/sigma/rules";
    String target = args.length > 1 ? args[1] : "lucene";
    String secret = "YmVuY2htYXJrLWtleS1pZDpiZW5jaG1hcmstc2VjcmV0";
    String namespace = "/servicesNS/nobody/search";
    Bench bench = target.equals("spl")
        ? new Bench("spl", "none", "DETECTC_SPLUNK_TOKEN", namespace, new FakeSplunk(namespace, secret))
        : new Bench("lucene", "ecs", "DETECTC_ELASTIC_API_KEY", "", new FakeKibana("", secret));
    resetPeaks();
    long planning = System.nanoTime();
    RuleInput input = new RuleInput();
    input.paths = List.of(Path.of(rules));
    PushPlanner.Plan plan = PushPlanner.plan(input.load().rules(),
        PushTargets.BUILT_IN.payloads(bench.target(), bench.profile()));
    System.out.printf("plan      load, lower, compile and package %d rules for %s/%s (no HTTP): %d ms"
        + "  peak heap %d MB%n", plan.rules().size(), bench.target(), bench.profile(),
        (System.nanoTime() - planning) / 1_000_000, peakHeapMegabytes());
    try (FakeSiemServer server = FakeSiemServer.start(bench.emulator())) {
      for (String round : new String[] {"create", "unchanged", "dry-run"}) {
        server.clearRequests();
        resetPeaks();
        long started = System.nanoTime();
        String to = server.url() + bench.path();
        String[] command = round.equals("dry-run")
            ? new String[] {"--target", bench.target(), "--profile", bench.profile(), "--to", to, "--dry-run", rules}
            : new String[] {"--target", bench.target(), "--profile", bench.profile(), "--to", to, rules};
        PushRun run = PushRun.run(Map.of(bench.variable(), secret), PushTargets.BUILT_IN, RetryClock.SYSTEM, command);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long rows = run.out().lines().filter(line -> !line.startsWith(" ")).count() - 1;
        int requests = server.requests().size();
        System.out.printf("%-9s exit %d  %5d rules  %5d requests  %6d ms  %.2f ms/rule  %5.0f requests/s  peak heap %d MB%n",
            round, run.exitCode(), rows, requests, millis, (double) millis / Math.max(1, rows),
            requests * 1000.0 / Math.max(1, millis), peakHeapMegabytes());
        System.out.println("          " + run.err().lines().reduce((a, b) -> b).orElse(""));
      }
    }
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeapMegabytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
  }
}
