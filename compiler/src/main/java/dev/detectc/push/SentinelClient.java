package dev.detectc.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Microsoft Sentinel's alert rules under a Log Analytics workspace:
 * {@code GET} and {@code PUT .../providers/Microsoft.SecurityInsights/alertRules/{id}?api-version=}
 * with an Azure AD bearer token. PUT creates or replaces; an update sends back the {@code etag}
 * it read, so a concurrent edit is a conflict rather than silently overwritten.
 */
public final class SentinelClient implements SiemClient {

  public static final String DEFAULT_API_VERSION = "2024-09-01";
  private static final Set<Integer> CONFLICTS = Set.of(409, 412);
  private static final String ALERT_RULES = "/providers/Microsoft.SecurityInsights/alertRules/";

  private final URI workspace;
  private final String apiVersion;
  private final String authorization;
  private final Transport transport;
  private final StateDiff stateDiff = new StateDiff(StateDiff.Leniency.JSON);

  public SentinelClient(URI workspace, String apiVersion, String token, Transport transport) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    this.authorization = "Bearer " + token;
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  @Override
  public Siem siem() {
    return Siem.SENTINEL;
  }

  @Override
  public Optional<String> check(DesiredRule rule) {
    ObjectNode body = rule.body();
    if (!body.path("kind").isTextual()) {
      return Optional.of("the alert rule lacks \"kind\"");
    }
    if (!body.path("properties").isObject()) {
      return Optional.of("the alert rule lacks a \"properties\" object");
    }
    if (body.has("etag")) {
      return Optional.of("the alert rule must not carry an etag; push sends the one it reads");
    }
    return Optional.empty();
  }

  @Override
  public Optional<RemoteRule> read(DesiredRule rule) throws PushFailure {
    // Any 404 counts as absent: a wrong workspace then fails on the PUT, in Azure's words.
    Optional<JsonNode> answer = SiemRequests.read(transport, siem(), request(rule).GET(), "read alert rule " + rule.key(),
        body -> true);
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    JsonNode existing = answer.get();
    ObjectNode managed = SiemRequests.JSON.createObjectNode();
    managed.set("kind", existing.path("kind"));
    managed.set("properties", existing.path("properties"));
    Optional<String> etag = existing.path("etag").isTextual() ? Optional.of(existing.path("etag").asText())
        : Optional.empty();
    return Optional.of(new RemoteRule(managed, etag));
  }

  @Override
  public Write create(DesiredRule rule) throws PushFailure {
    return put(rule, rule.body(), "create");
  }

  @Override
  public Write update(DesiredRule rule, RemoteRule existing) throws PushFailure {
    ObjectNode body = rule.body();
    existing.etag().ifPresent(etag -> body.put("etag", etag));
    return put(rule, body, "update");
  }

  @Override
  public List<FieldChange> diff(DesiredRule rule, RemoteRule existing) {
    return stateDiff.diff(rule.body(), existing.state());
  }

  private Write put(DesiredRule rule, ObjectNode body, String verb) throws PushFailure {
    // 409 / 412: the etag no longer matches, someone changed the rule since we read it.
    return SiemRequests.write(transport, siem(),
        request(rule).header("Content-Type", "application/json").PUT(SiemRequests.json(body)),
        verb + " alert rule " + rule.key(), CONFLICTS);
  }

  private HttpRequest.Builder request(DesiredRule rule) {
    URI uri = SiemRequests.uri(workspace, ALERT_RULES + SiemRequests.segment(rule.key()) + "?api-version="
        + SiemRequests.query(apiVersion));
    return HttpRequest.newBuilder(uri).header("Accept", "application/json").header("Authorization", authorization);
  }

}
