package dev.detectc.push.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Sentinel's alertRules resource as documented: GET and PUT on
 * {@code <workspace>/providers/Microsoft.SecurityInsights/alertRules/{id}?api-version=}; PUT
 * answers 201 when it creates and 200 when it replaces, refuses a stale {@code etag} with 409,
 * and the resource comes back with ARM's envelope (id, name, type, etag) and server properties.
 */
public final class FakeSentinel implements Function<Recorded, Reply> {

  public static final String WORKSPACE =
      "/subscriptions/6b1ceacd-5731-4780-8f96-2078dd96fd96/resourceGroups/soc-rg/providers/"
      + "Microsoft.OperationalInsights/workspaces/soc-ws";
  public static final String ALERT_RULES = WORKSPACE + "/providers/Microsoft.SecurityInsights/alertRules/";

  private final String authorization;
  private final String apiVersion;
  private final Map<String, ObjectNode> alertRules = new LinkedHashMap<>();
  private int etags;

  public FakeSentinel(String token, String apiVersion) {
    this.authorization = "Bearer " + token;
    this.apiVersion = apiVersion;
  }

  public synchronized Map<String, ObjectNode> alertRules() {
    return Map.copyOf(alertRules);
  }

  /** Changes a stored rule as someone in the portal would: new etag, new value. */
  public synchronized void editInPortal(String id, String property, String value) {
    ObjectNode rule = alertRules.get(id);
    ((ObjectNode) rule.path("properties")).put(property, value);
    rule.put("etag", "\"" + ++etags + "\"");
  }

  @Override
  public synchronized Reply apply(Recorded request) {
    if (!request.query().contains("api-version=")) {
      return error(400, "MissingApiVersionParameter",
          "The api-version query parameter (?api-version=) is required for all requests.");
    }
    if (!request.query().equals("api-version=" + apiVersion)) {
      return error(400, "InvalidApiVersionParameter", "The api-version in the query is not supported.");
    }
    if (!authorization.equals(request.header("Authorization"))) {
      return error(401, "InvalidAuthenticationToken", "The access token is invalid.");
    }
    if (!request.path().startsWith(ALERT_RULES)) {
      return error(404, "NotFound", "The requested resource was not found.");
    }
    String id = FakeSplunk.decodeSegment(request.path().substring(ALERT_RULES.length()));
    ObjectNode existing = alertRules.get(id);
    if (request.method().equals("GET")) {
      return existing == null ? error(404, "NotFound", "Alert rule '" + id + "' was not found.")
          : Reply.json(200, existing.toString());
    }
    if (!request.method().equals("PUT")) {
      return error(405, "MethodNotAllowed", "The method is not allowed.");
    }
    ObjectNode body = FakeKibana.parse(request.body());
    if (body.has("etag") && (existing == null || !existing.path("etag").asText().equals(body.path("etag").asText()))) {
      return error(409, "Conflict", "Newer version of the alert rule '" + id + "' exists; refresh and retry.");
    }
    ObjectNode stored = FakeKibana.JSON.createObjectNode();
    stored.put("id", ALERT_RULES + id);
    stored.put("name", id);
    stored.put("etag", "\"" + ++etags + "\"");
    stored.put("type", "Microsoft.SecurityInsights/alertRules");
    stored.set("kind", body.path("kind"));
    ObjectNode properties = stored.putObject("properties");
    properties.putNull("alertRuleTemplateName");
    properties.putNull("templateVersion");
    properties.putArray("subTechniques");
    properties.setAll((ObjectNode) body.path("properties"));
    properties.put("lastModifiedUtc", "2026-11-30T10:05:00.0000000Z");
    alertRules.put(id, stored);
    return Reply.json(existing == null ? 201 : 200, stored.toString());
  }

  private static Reply error(int status, String code, String message) {
    return Reply.json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
  }
}
