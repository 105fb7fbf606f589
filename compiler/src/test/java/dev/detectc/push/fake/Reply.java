package dev.detectc.push.fake;

import java.util.Map;

/**
 * What the fake server does with a request: answer (status, headers, body), drop the connection
 * without a word, or answer after a delay.
 */
public record Reply(int status, Map<String, String> headers, String body, boolean drop, long delayMillis) {

  public Reply {
    headers = Map.copyOf(headers);
  }

  public static Reply json(int status, String body) {
    return new Reply(status, Map.of("Content-Type", "application/json"), body, false, 0);
  }

  public static Reply dropConnection() {
    return new Reply(0, Map.of(), "", true, 0);
  }

  public Reply withHeader(String name, String value) {
    java.util.Map<String, String> more = new java.util.HashMap<>(headers);
    more.put(name, value);
    return new Reply(status, more, body, drop, delayMillis);
  }

  public Reply after(long millis) {
    return new Reply(status, headers, body, drop, millis);
  }
}
