package dev.detectc.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Splunk's saved-search REST endpoint in one namespace ({@code .../servicesNS/{owner}/{app}}):
 * {@code GET saved/searches/{name}}, {@code POST saved/searches} with {@code name} to create and
 * {@code POST saved/searches/{name}} without it to update; form-encoded, {@code Bearer} token,
 * {@code output_mode=json} so answers are JSON.
 */
public final class SplunkClient implements SiemClient {

  private static final String SEARCHES = "/saved/searches";
  private static final String JSON_MODE = "?output_mode=json";
  /** 409 on create: created since it was read ("An object with name=... already exists"). */
  private static final Set<Integer> CREATE_CONFLICTS = Set.of(409);
  /** 404 on update: deleted since it was read. */
  private static final Set<Integer> UPDATE_CONFLICTS = Set.of(404, 409);

  private final URI namespace;
  private final String authorization;
  private final Transport transport;
  private final StateDiff stateDiff = new StateDiff(StateDiff.Leniency.SPLUNK_FORM);

  public SplunkClient(URI namespace, String token, Transport transport) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.authorization = "Bearer " + token;
    this.transport = Objects.requireNonNull(transport, "transport");
  }

  @Override
  public Siem siem() {
    return Siem.SPLUNK;
  }

  @Override
  public Optional<String> check(DesiredRule rule) {
    ObjectNode body = rule.body();
    if (!rule.key().equals(body.path("name").asText(null))) {
      return Optional.of("the saved search's \"name\" field differs from its key " + rule.key());
    }
    if (!body.hasNonNull("search")) {
      return Optional.of("the saved search lacks \"search\"");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        return Optional.of("saved-search field \"" + field.getKey() + "\" is not a single value; form fields are flat");
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<RemoteRule> read(DesiredRule rule) throws PushFailure {
    String action = "read saved search " + rule.key();
    Optional<JsonNode> answer = SiemRequests.read(transport, siem(),
        request(SEARCHES + "/" + SiemRequests.segment(rule.key()) + JSON_MODE).GET(), action,
        body -> body.contains("Could not find object"));
    if (answer.isEmpty()) {
      return Optional.empty();
    }
    JsonNode content = answer.get().path("entry").path(0).path("content");
    if (!content.isObject()) {
      throw new PushFailure("cannot " + action + ": Splunk answered without entry[0].content", false);
    }
    return Optional.of(new RemoteRule(content, Optional.empty()));
  }

  @Override
  public Write create(DesiredRule rule) throws PushFailure {
    return write(SEARCHES + JSON_MODE, rule.body(), rule, "create", CREATE_CONFLICTS);
  }

  @Override
  public Write update(DesiredRule rule, RemoteRule existing) throws PushFailure {
    ObjectNode fields = rule.body();
    // The name is the object's address on update; Splunk rejects it as a field there.
    fields.remove("name");
    return write(SEARCHES + "/" + SiemRequests.segment(rule.key()) + JSON_MODE, fields, rule, "update",
        UPDATE_CONFLICTS);
  }

  @Override
  public List<FieldChange> diff(DesiredRule rule, RemoteRule existing) {
    ObjectNode managed = rule.body();
    managed.remove("name");
    return stateDiff.diff(managed, existing.state());
  }

  private Write write(String pathAndQuery, ObjectNode fields, DesiredRule rule, String verb, Set<Integer> conflicts)
      throws PushFailure {
    HttpRequest.Builder request = request(pathAndQuery)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(SiemRequests.form(fields), StandardCharsets.UTF_8));
    return SiemRequests.write(transport, siem(), request, verb + " saved search " + rule.key(), conflicts);
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(SiemRequests.uri(namespace, pathAndQuery)).header("Authorization", authorization);
  }

}
