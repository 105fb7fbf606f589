package dev.detectc.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Kibana's detection-engine API: {@code GET /api/detection_engine/rules?rule_id=}, {@code POST}
 * to create and {@code PATCH} (keyed by {@code rule_id}) to update, with the {@code kbn-xsrf}
 * header and {@code Authorization: ApiKey}. The base may carry a space
 * ({@code https://kibana:5601/s/soc}).
 *
 * <p>Updates use PATCH rather than PUT: Elastic's "Update rule" API page says PUT "replaces the
 * original rule and deletes fields that are not specified" while PATCH "updates the specified
 * fields", both on {@code /api/detection_engine/rules} with the {@code rule_id} in the body
 * (reference §1.5: "Patch is supported too"). So exception lists, actions and other settings
 * added in Kibana's UI survive a push. {@code enabled} is sent on create only and never compared:
 * switching a rule on or off is the SOC's decision in Kibana, not a difference to undo.
 */
public final class KibanaClient implements SiemClient {

  static final String RULES = "/api/detection_engine/rules";
  /** 409 on POST: created since it was read ('rule_id: "..." already exists'). */
  private static final Set<Integer> CREATE_CONFLICTS = Set.of(409);
  /** 404 on PATCH: deleted since it was read. */
  private static final Set<Integer> UPDATE_CONFLICTS = Set.of(404, 409);
  /** Set on create, then left to the user. */
  static final String ENABLED = "enabled";
  private static final List<String> REQUIRED = List.of("rule_id", "name", "description", "risk_score", "severity", "type");

  private final URI base;
  private final String authorization;
  private final Transport transport;
  private final StateDiff stateDiff = new StateDiff(StateDiff.Leniency.JSON);

  public KibanaClient(URI base, String apiKey, Transport transport) {
    this.base = Objects.requireNonNull(base, "base");
    // Kibana shows the encoded key; an "id:api_key" pair is encoded here so either form works.
    String key = apiKey.contains(":") ? Base64.getEncoder().encodeToString(apiKey.getBytes(StandardCharsets.UTF_8))
        : apiKey;
    this.authorization = "ApiKey " + key;
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  @Override
  public Siem siem() {
    return Siem.KIBANA;
  }

  @Override
  public Optional<String> check(DesiredRule rule) {
    ObjectNode body = rule.body();
    for (String field : REQUIRED) {
      if (!body.hasNonNull(field)) {
        return Optional.of("the Kibana rule body lacks \"" + field + "\"");
      }
    }
    if (!rule.key().equals(body.path("rule_id").asText())) {
      return Optional.of("the Kibana rule body's rule_id differs from its key " + rule.key());
    }
    return Optional.empty();
  }

  @Override
  public Optional<RemoteRule> read(DesiredRule rule) throws PushFailure {
    // A missing rule is 'rule_id: "..." not found'; a bare "Not Found" means a wrong address or space.
    return SiemRequests.read(transport, siem(), request(RULES + "?rule_id=" + SiemRequests.query(rule.key())).GET(),
        "read rule " + rule.key(), body -> body.contains("rule_id"))
        .map(existing -> new RemoteRule(existing, Optional.empty()));
  }

  @Override
  public Write create(DesiredRule rule) throws PushFailure {
    return write(request(RULES).POST(SiemRequests.json(rule.body())), rule, "create", CREATE_CONFLICTS);
  }

  @Override
  public Write update(DesiredRule rule, RemoteRule existing) throws PushFailure {
    return write(request(RULES).method("PATCH", SiemRequests.json(managed(rule))), rule, "update", UPDATE_CONFLICTS);
  }

  @Override
  public List<FieldChange> diff(DesiredRule rule, RemoteRule existing) {
    return stateDiff.diff(managed(rule), existing.state());
  }

  /** The fields an update sends and a comparison checks: all but {@link #ENABLED}. */
  private static ObjectNode managed(DesiredRule rule) {
    ObjectNode body = rule.body();
    body.remove(ENABLED);
    return body;
  }

  private Write write(HttpRequest.Builder request, DesiredRule rule, String verb, Set<Integer> conflicts)
      throws PushFailure {
    return SiemRequests.write(transport, siem(), request.header("Content-Type", "application/json"),
        verb + " rule " + rule.key(), conflicts);
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(SiemRequests.uri(base, pathAndQuery))
        .header("kbn-xsrf", "true")
        .header("Accept", "application/json")
        .header("Authorization", authorization);
  }

}
