package dev.detectc.push.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * An HTTP server on 127.0.0.1 (never any other address) that records every request and answers
 * through an emulator, unless a scripted fault matches first. Faults fire in the order added, each
 * a set number of times, so a test can say "the next two POSTs get a 503".
 */
public final class FakeSiemServer implements AutoCloseable {

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, every answer
    // then waits for a delayed ACK (about 40 ms). Read once, before the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Function<Recorded, Reply> emulator;
  private final List<Recorded> requests = new ArrayList<>();
  private final Deque<Fault> faults = new ArrayDeque<>();

  private record Fault(Predicate<Recorded> matches, Function<Recorded, Reply> reply, int[] remaining) {}

  private FakeSiemServer(HttpServer server, Function<Recorded, Reply> emulator) {
    this.server = server;
    this.emulator = emulator;
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static FakeSiemServer start(Function<Recorded, Reply> emulator) throws IOException {
    return new FakeSiemServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), emulator);
  }

  /** The same server speaking TLS with the given context (a self-signed test certificate). */
  public static FakeSiemServer startTls(Function<Recorded, Reply> emulator, SSLContext tls) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
    return new FakeSiemServer(server, emulator);
  }

  /** {@code http://127.0.0.1:<port>} (or https). */
  public String url() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next {@code times} requests with this method whose path contains {@code pathPart} get {@code reply}. */
  public FakeSiemServer fault(String method, String pathPart, int times, Reply reply) {
    return faultWith(method, pathPart, times, request -> reply);
  }

  /** Like {@link #fault} with an answer computed from the request (it may also call the emulator). */
  public synchronized FakeSiemServer faultWith(String method, String pathPart, int times,
      Function<Recorded, Reply> reply) {
    faults.add(new Fault(r -> r.method().equals(method) && r.path().contains(pathPart), reply, new int[] {times}));
    return this;
  }

  /** The next {@code times} matching requests are carried out, then the connection drops before the answer. */
  public FakeSiemServer processThenDrop(String method, String pathPart, int times) {
    return faultWith(method, pathPart, times, request -> {
      emulator.apply(request);
      return Reply.dropConnection();
    });
  }

  public synchronized List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public synchronized List<Recorded> writes() {
    return requests.stream().filter(Recorded::isWrite).toList();
  }

  public synchronized void clearRequests() {
    requests.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Recorded request = record(exchange);
      Reply reply = replyTo(request);
      if (reply.delayMillis() > 0) {
        sleep(reply.delayMillis());
      }
      if (reply.drop()) {
        // Closing before any response header makes the server close the socket: a dropped connection.
        return;
      }
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  private synchronized Reply replyTo(Recorded request) {
    requests.add(request);
    for (Fault fault : faults) {
      if (fault.remaining()[0] > 0 && fault.matches().test(request)) {
        fault.remaining()[0]--;
        return fault.reply().apply(request);
      }
    }
    return emulator.apply(request);
  }

  private static Recorded record(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), headers, body);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
