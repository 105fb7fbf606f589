package dev.detectc.push.fake;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request as the fake server received it: method, raw path and query, headers (lower-case names), body. */
public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {

  public Recorded {
    headers = Map.copyOf(headers);
    query = query == null ? "" : query;
  }

  /** The single value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public boolean isWrite() {
    return !method.equals("GET");
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query);
  }
}
