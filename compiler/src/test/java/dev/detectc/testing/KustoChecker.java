package dev.detectc.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assumptions;

/**
 * Microsoft's Kusto parser and binder ({@code scripts/kusto-check/check.js} under Node), one
 * process per checker for any number of queries. Without node or the npm package the tests
 * that need it are skipped with a message, except under CI=true, where they fail.
 */
public final class KustoChecker implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final BufferedWriter in;
  private final BufferedReader out;

  private KustoChecker(Process process) {
    this.process = process;
    this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Why the checker cannot run here (no Node, no package), or null when it can. */
  public static String unavailable() {
    Path module = Shared.root().resolve("scripts/kusto-check/node_modules/@kusto/language-service-next");
    if (!Files.isDirectory(module)) {
      return "the Kusto parser package is not installed (npm ci --prefix scripts/kusto-check)";
    }
    return nodeAvailable() ? null : "node is not installed";
  }

  /** True when tests that need the checker should be skipped: it is unavailable and this is not CI. */
  public static boolean skipHere() {
    return unavailable() != null && !"true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Starts the checker, or skips (fails under CI=true) when Node or the package is missing. */
  public static KustoChecker start() {
    Path script = Shared.root().resolve("scripts/kusto-check/check.js");
    String problem = unavailable();
    if (problem != null) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true but " + problem);
      }
      Assumptions.abort("skipped: " + problem);
    }
    try {
      ProcessBuilder builder = new ProcessBuilder("node", script.toString());
      builder.redirectError(ProcessBuilder.Redirect.INHERIT);
      return new KustoChecker(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean nodeAvailable() {
    try {
      Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** One query to check: {@code schema} as check.js takes it (sentinel, defender, open...), mode check or literals. */
  public record Request(String query, String schema, String mode) {}

  /** Checks every request (writing and reading concurrently, so the pipes never fill up); results in order. */
  public List<JsonNode> check(List<Request> requests) {
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try {
        for (int i = 0; i < requests.size(); i++) {
          ObjectNode line = JSON.createObjectNode();
          line.put("id", i);
          line.put("query", requests.get(i).query());
          line.put("schema", requests.get(i).schema());
          line.put("mode", requests.get(i).mode());
          in.write(line.toString());
          in.write('\n');
        }
        in.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    List<JsonNode> results = new ArrayList<>();
    try {
      for (int i = 0; i < requests.size(); i++) {
        String line = out.readLine();
        if (line == null) {
          fail("the Kusto checker stopped after " + i + " of " + requests.size() + " queries");
        }
        results.add(JSON.readTree(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    writer.join();
    return results;
  }

  /** Checks {@code requests} split across {@code processes} checker processes run side by side; results in order. */
  public static List<JsonNode> checkInParallel(List<Request> requests, int processes) {
    List<CompletableFuture<List<JsonNode>>> parts = new ArrayList<>();
    int size = (requests.size() + processes - 1) / processes;
    for (int from = 0; from < requests.size(); from += size) {
      List<Request> part = requests.subList(from, Math.min(requests.size(), from + size));
      KustoChecker checker = start();
      parts.add(CompletableFuture.supplyAsync(() -> {
        try (checker) {
          return checker.check(part);
        }
      }));
    }
    List<JsonNode> results = new ArrayList<>();
    parts.forEach(part -> results.addAll(part.join()));
    return results;
  }

  public JsonNode check(Request request) {
    return check(List.of(request)).get(0);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // The process is going away anyway.
    }
    process.destroy();
  }
}
