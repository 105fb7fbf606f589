package dev.detectc.push.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Splunk's saved-search endpoint in one namespace as documented: GET by name, POST to the
 * collection with {@code name} creates (409 when taken), POST to the entry updates only the
 * fields sent (and refuses {@code name}). Answers come as {@code output_mode=json} does: the
 * stanza under {@code entry[0].content}, with booleans and numbers typed, server defaults added.
 * Which settings are typed follows splunk/terraform-provider-splunk
 * {@code client/models/saved_searches.go} (reference §2.5): {@code is_scheduled},
 * {@code alert.digest_mode}, {@code alert.suppress}, {@code disabled} and {@code action.<name>}
 * are booleans, {@code alert.severity} is a number, and {@code alert.track} and
 * {@code alert_threshold} stay strings.
 */
public final class FakeSplunk implements Function<Recorded, Reply> {

  private static final Set<String> BOOLEANS = Set.of("is_scheduled", "disabled", "alert.digest_mode", "is_visible",
      "alert.suppress", "realtime_schedule", "run_on_startup");
  private static final Set<String> NUMBERS = Set.of("alert.severity", "max_concurrent", "schedule_priority_level");

  private final String namespace;
  private final String authorization;
  private final Map<String, ObjectNode> searches = new LinkedHashMap<>();

  public FakeSplunk(String namespace, String token) {
    this.namespace = namespace;
    this.authorization = "Bearer " + token;
  }

  public synchronized Map<String, ObjectNode> searches() {
    return Map.copyOf(searches);
  }

  @Override
  public synchronized Reply apply(Recorded request) {
    String collection = namespace + "/saved/searches";
    if (!authorization.equals(request.header("Authorization"))) {
      return Reply.json(401, "{\"messages\":[{\"type\":\"WARN\",\"text\":\"call not properly authenticated\"}]}");
    }
    if (!request.path().startsWith(collection)) {
      return Reply.json(404, "{\"messages\":[{\"type\":\"ERROR\",\"text\":\"Not Found\"}]}");
    }
    if (request.path().equals(collection) && request.method().equals("POST")) {
      Map<String, String> form = form(request.body());
      String name = form.remove("name");
      if (name == null) {
        return error(400, "Argument \\\"name\\\" is required");
      }
      if (searches.containsKey(name)) {
        return error(409, "An object with name=" + name + " already exists");
      }
      ObjectNode content = defaults();
      form.forEach((key, value) -> set(content, key, value));
      searches.put(name, content);
      return Reply.json(201, entry(name, content));
    }
    String name = decodeSegment(request.path().substring(collection.length() + 1));
    ObjectNode content = searches.get(name);
    if (content == null) {
      return error(404, "Could not find object id=" + name);
    }
    if (request.method().equals("GET")) {
      return Reply.json(200, entry(name, content));
    }
    Map<String, String> form = form(request.body());
    if (form.containsKey("name")) {
      return error(400, "Argument \\\"name\\\" is not supported by this handler.");
    }
    form.forEach((key, value) -> set(content, key, value));
    return Reply.json(200, entry(name, content));
  }

  private static Reply error(int status, String text) {
    return Reply.json(status, "{\"messages\":[{\"type\":\"ERROR\",\"text\":\"" + text + "\"}]}");
  }

  private static ObjectNode defaults() {
    ObjectNode content = FakeKibana.JSON.createObjectNode();
    content.put("alert.digest_mode", true);
    content.put("alert.expires", "24h");
    content.put("alert.severity", 3);
    content.put("dispatch.ttl", "2p");
    content.put("is_visible", true);
    content.put("max_concurrent", 1);
    content.put("realtime_schedule", true);
    content.put("run_on_startup", false);
    content.put("disabled", false);
    content.put("is_scheduled", false);
    content.put("eai:acl", (String) null);
    return content;
  }

  private static void set(ObjectNode content, String key, String value) {
    if (BOOLEANS.contains(key) || key.matches("action\\.[^.]+")) {
      content.put(key, value.equals("1") || value.equalsIgnoreCase("true"));
    } else if (NUMBERS.contains(key)) {
      content.put(key, Integer.parseInt(value));
    } else {
      content.put(key, value);
    }
  }

  private String entry(String name, ObjectNode content) {
    ObjectNode answer = FakeKibana.JSON.createObjectNode();
    answer.putObject("links");
    answer.put("origin", "https://127.0.0.1" + namespace + "/saved/searches");
    answer.putObject("generator").put("build", "e9494146ae5c").put("version", "9.3.1");
    ObjectNode entry = answer.putArray("entry").addObject();
    entry.put("name", name);
    entry.put("id", "https://127.0.0.1" + namespace + "/saved/searches/" + name);
    entry.put("author", "nobody");
    entry.putObject("acl").put("app", "search").put("owner", "nobody").put("sharing", "app");
    entry.set("content", content);
    answer.putObject("paging").put("total", 1).put("perPage", 30).put("offset", 0);
    answer.putArray("messages");
    return answer.toString();
  }

  /** Decodes a form body the way Splunk does, keeping field order. */
  public static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  /** Percent-decoding of a path segment: unlike a form, '+' stays '+'. */
  static String decodeSegment(String segment) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
