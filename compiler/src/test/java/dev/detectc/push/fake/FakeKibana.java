package dev.detectc.push.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Kibana's detection-engine rules API as documented: GET by {@code rule_id}, POST creates (409
 * when the rule_id exists), PUT replaces (fields not sent go back to defaults) and PATCH updates
 * only the fields sent (both 404 when it does not exist); the server adds its own fields (id,
 * timestamps, revision, defaults) and answers errors in Kibana's shapes.
 */
public final class FakeKibana implements Function<Recorded, Reply> {

  public static final String RULES = "/api/detection_engine/rules";
  static final ObjectMapper JSON = new ObjectMapper();

  private final String prefix;
  private final String authorization;
  private final Map<String, ObjectNode> rules = new LinkedHashMap<>();

  /** Kibana at {@code prefix} ("" or "/s/space") accepting {@code Authorization: ApiKey <encodedKey>}. */
  public FakeKibana(String prefix, String encodedKey) {
    this.prefix = prefix;
    this.authorization = "ApiKey " + encodedKey;
  }

  public synchronized Map<String, ObjectNode> rules() {
    return Map.copyOf(rules);
  }

  /** Changes a stored rule as someone in Kibana's UI would (enable it, add an exception list or an action). */
  public synchronized void edit(String ruleId, java.util.function.Consumer<ObjectNode> edit) {
    edit.accept(rules.get(ruleId));
  }

  /** Puts a rule as if someone had created it earlier (server fields are added). */
  public synchronized void seed(ObjectNode body) {
    rules.put(body.path("rule_id").asText(), withServerFields(body, null));
  }

  @Override
  public synchronized Reply apply(Recorded request) {
    if (!request.path().equals(prefix + RULES)) {
      return Reply.json(404, "{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Not Found\"}");
    }
    if (!authorization.equals(request.header("Authorization"))) {
      return Reply.json(401, "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"[security_exception\\n\\tRoot"
          + " causes:\\n\\t\\tsecurity_exception: unable to authenticate with provided credentials and anonymous access is"
          + " not allowed for this request]: unable to authenticate with provided credentials and anonymous access is not"
          + " allowed for this request\"}").withHeader("WWW-Authenticate", "ApiKey");
    }
    if (request.isWrite() && request.header("kbn-xsrf") == null) {
      return Reply.json(400, "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"Request must contain a kbn-xsrf"
          + " header.\"}");
    }
    switch (request.method()) {
      case "GET":
        String ruleId = ruleIdParameter(request.query());
        ObjectNode found = rules.get(ruleId);
        return found == null ? notFound(ruleId) : Reply.json(200, found.toString());
      case "POST":
        ObjectNode created = parse(request.body());
        String newId = created.path("rule_id").asText();
        if (rules.containsKey(newId)) {
          return Reply.json(409, "{\"message\":\"rule_id: \\\"" + newId + "\\\" already exists\",\"status_code\":409}");
        }
        ObjectNode stored = withServerFields(created, null);
        rules.put(newId, stored);
        return Reply.json(200, stored.toString());
      case "PUT":
        ObjectNode replacement = parse(request.body());
        String id = replacement.path("rule_id").asText();
        ObjectNode previous = rules.get(id);
        if (previous == null) {
          return notFound(id);
        }
        ObjectNode updated = withServerFields(replacement, previous);
        rules.put(id, updated);
        return Reply.json(200, updated.toString());
      case "PATCH":
        ObjectNode patch = parse(request.body());
        String patched = patch.path("rule_id").asText();
        ObjectNode before = rules.get(patched);
        if (before == null) {
          return notFound(patched);
        }
        ObjectNode after = before.deepCopy();
        after.setAll(patch);
        after.put("updated_at", "2026-11-30T10:05:00.000Z");
        after.put("revision", before.path("revision").asInt() + 1);
        after.put("version", before.path("version").asInt() + 1);
        rules.put(patched, after);
        return Reply.json(200, after.toString());
      default:
        return Reply.json(404, "{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Not Found\"}");
    }
  }

  private static Reply notFound(String ruleId) {
    return Reply.json(404, "{\"message\":\"rule_id: \\\"" + ruleId + "\\\" not found\",\"status_code\":404}");
  }

  private static ObjectNode withServerFields(ObjectNode body, ObjectNode previous) {
    ObjectNode rule = JSON.createObjectNode();
    rule.put("id", previous == null ? UUID.randomUUID().toString() : previous.path("id").asText());
    rule.put("created_at", previous == null ? "2026-11-30T10:00:00.000Z" : previous.path("created_at").asText());
    rule.put("updated_at", "2026-11-30T10:05:00.000Z");
    rule.put("created_by", "elastic");
    rule.put("updated_by", "elastic");
    rule.put("revision", previous == null ? 0 : previous.path("revision").asInt() + 1);
    rule.put("immutable", false);
    rule.putObject("rule_source").put("type", "internal");
    rule.put("enabled", true);
    rule.put("interval", "5m");
    rule.put("from", "now-6m");
    rule.put("to", "now");
    rule.put("max_signals", 100);
    rule.put("version", previous == null ? 1 : previous.path("version").asInt() + 1);
    rule.putArray("exceptions_list");
    rule.putArray("actions");
    rule.putArray("related_integrations");
    rule.putArray("required_fields");
    rule.put("setup", "");
    rule.setAll(body);
    return rule;
  }

  private static String ruleIdParameter(String query) {
    for (String pair : query.split("&")) {
      if (pair.startsWith("rule_id=")) {
        return URLDecoder.decode(pair.substring("rule_id=".length()), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  static ObjectNode parse(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return (ObjectNode) node;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
