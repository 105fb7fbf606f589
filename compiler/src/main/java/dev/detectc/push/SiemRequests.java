package dev.detectc.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * What the three clients share: request bodies, URL encoding that keeps a rule's value inside
 * its path segment or form field, and reading a SIEM's error answer in its own words.
 */
final class SiemRequests {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final int SNIPPET = 300;

  private SiemRequests() {}

  static HttpRequest.BodyPublisher json(JsonNode body) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JsonNode always serialises", e);
    }
  }

  /** {@code application/x-www-form-urlencoded} from a flat object, in the object's order. */
  static String form(ObjectNode fields) {
    StringJoiner form = new StringJoiner("&");
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      form.add(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(field.getValue().asText(), StandardCharsets.UTF_8));
    }
    return form.toString();
  }

  /** One URL path segment: everything but RFC 3986 unreserved characters is percent-encoded. */
  static String segment(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
          || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static URI uri(URI base, String pathAndQuery) {
    return URI.create(base.toString() + pathAndQuery);
  }

  private static JsonNode parse(Siem siem, HttpReply reply, String action) throws PushFailure {
    try {
      JsonNode node = JSON.readTree(reply.body());
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // Reported below, with what the SIEM sent.
    }
    throw new PushFailure("cannot " + action + ": " + siem.displayName() + " answered HTTP " + reply.status()
        + " with something other than a JSON object: " + snippet(reply.body()), false);
  }

  /** Sends through {@code transport}; {@code action} ("create rule X") names the request in failures. */
  static HttpReply send(Transport transport, Siem siem, HttpRequest.Builder request, String action)
      throws PushFailure {
    return transport.send(request.build(), action, reply -> describe(siem, reply));
  }

  /**
   * Reads one object: empty when the answer is a 404 that {@code absent} recognises as "no such
   * object" (rather than "no such address"), the JSON answer on 2xx, a failure otherwise.
   */
  static Optional<JsonNode> read(Transport transport, Siem siem, HttpRequest.Builder request, String action,
      Predicate<String> absent) throws PushFailure {
    HttpReply reply = send(transport, siem, request, action);
    if (reply.status() == 404 && absent.test(reply.body())) {
      return Optional.empty();
    }
    if (!reply.ok()) {
      throw unexpected(siem, reply, action);
    }
    return Optional.of(parse(siem, reply, action));
  }

  /** Writes: done on 2xx, a conflict on the statuses that mean the object changed since it was read. */
  static SiemClient.Write write(Transport transport, Siem siem, HttpRequest.Builder request, String action,
      Set<Integer> conflicts) throws PushFailure {
    HttpReply reply = send(transport, siem, request, action);
    if (reply.ok()) {
      return SiemClient.Write.DONE;
    }
    if (conflicts.contains(reply.status())) {
      return SiemClient.Write.CONFLICT;
    }
    throw unexpected(siem, reply, action);
  }

  /** A failure for an answer the client does not handle; 401 and 403 stop the run. */
  static PushFailure unexpected(Siem siem, HttpReply reply, String action) {
    boolean fatal = reply.status() == 401 || reply.status() == 403;
    String hint = reply.status() == 401 ? " (check " + siem.credentialVariable() + ")"
        : reply.status() == 403 ? " (the credential lacks the permission to " + action + ")" : "";
    String redirect = reply.status() >= 300 && reply.status() < 400
        ? " (redirected to " + reply.headers().firstValue("Location").orElse("?")
          + "; detectc does not follow redirects with credentials: point --to at the final address)" : "";
    String tries = reply.attempts() > 1 ? " after " + reply.attempts() + " attempts" : "";
    return new PushFailure("cannot " + action + ": " + describe(siem, reply) + hint + redirect + tries, fatal);
  }

  /** {@code HTTP 409 Conflict: <the SIEM's message>}. */
  static String describe(Siem siem, HttpReply reply) {
    String message = message(siem, reply.body());
    return siem.displayName() + " answered HTTP " + reply.status() + reason(reply.status())
        + (message.isEmpty() ? "" : ": " + message);
  }

  private static String message(Siem siem, String body) {
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return snippet(body);
    }
    if (node == null || !node.isObject()) {
      return snippet(body);
    }
    String text;
    switch (siem) {
      case KIBANA:
        text = node.path("message").asText("");
        break;
      case SPLUNK:
        StringJoiner joined = new StringJoiner("; ");
        node.path("messages").forEach(m -> joined.add(m.path("text").asText("")));
        text = joined.toString();
        break;
      default:
        JsonNode error = node.path("error");
        text = error.path("code").asText("") + (error.has("message") ? ": " + error.path("message").asText("") : "");
        break;
    }
    return text.isBlank() ? snippet(body) : snippet(text);
  }

  static String snippet(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
  }

  private static String reason(int status) {
    switch (status) {
      case 400: return " Bad Request";
      case 401: return " Unauthorized";
      case 403: return " Forbidden";
      case 404: return " Not Found";
      case 409: return " Conflict";
      case 412: return " Precondition Failed";
      case 429: return " Too Many Requests";
      case 500: return " Internal Server Error";
      case 502: return " Bad Gateway";
      case 503: return " Service Unavailable";
      case 504: return " Gateway Timeout";
      default: return "";
    }
  }
}
