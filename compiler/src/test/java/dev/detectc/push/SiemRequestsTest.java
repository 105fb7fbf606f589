package dev.detectc.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detectc.push.fake.FakeSplunk;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule values stay inside their path segment or form field, and error answers are read in each SIEM's shape. */
class SiemRequestsTest {

  @Test
  void everyByteOutsideTheUnreservedSetIsPercentEncodedInAPathSegment() {
    for (int c = 0; c < 128; c++) {
      String encoded = SiemRequests.segment(String.valueOf((char) c));
      boolean unreserved = Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0;
      assertThat(encoded).as("char %d", c).isEqualTo(unreserved ? String.valueOf((char) c)
          : String.format("%%%02X", c));
    }
    assertThat(SiemRequests.segment("é/∗")).isEqualTo("%C3%A9%2F%E2%88%97");
    // Nothing in an encoded segment can end the path or start a query, fragment or another segment.
    URI uri = SiemRequests.uri(URI.create("https://h/a"), "/" + SiemRequests.segment("../x?y#z") + "?q=1");
    assertThat(uri.getRawPath()).isEqualTo("/a/..%2Fx%3Fy%23z");
    assertThat(uri.getPath()).isEqualTo("/a/../x?y#z");
    assertThat(uri.getRawQuery()).isEqualTo("q=1");
  }

  @Test
  void formFieldsCannotSpillIntoOneAnother() {
    ObjectNode fields = SiemRequests.JSON.createObjectNode().put("name", "a&search=evil").put("search", "x=1 + 2%");
    String form = SiemRequests.form(fields);
    assertThat(form).isEqualTo("name=a%26search%3Devil&search=x%3D1+%2B+2%25");
    assertThat(FakeSplunk.form(form)).containsExactly(Map.entry("name", "a&search=evil"), Map.entry("search", "x=1 + 2%"));
  }

  @Test
  void errorAnswersAreReadInEachSiemsOwnShape() {
    assertThat(SiemRequests.describe(Siem.KIBANA, reply(409, "{\"message\":\"rule_id: \\\"r\\\" already exists\","
        + "\"status_code\":409}"))).isEqualTo("Kibana answered HTTP 409 Conflict: rule_id: \"r\" already exists");
    assertThat(SiemRequests.describe(Siem.SPLUNK, reply(404, "{\"messages\":[{\"type\":\"ERROR\",\"text\":\"Could not"
        + " find object id=x\"},{\"type\":\"WARN\",\"text\":\"second\"}]}")))
        .isEqualTo("Splunk answered HTTP 404 Not Found: Could not find object id=x; second");
    assertThat(SiemRequests.describe(Siem.SENTINEL, reply(429, "{\"error\":{\"code\":\"TooManyRequests\","
        + "\"message\":\"Slow down.\"}}"))).isEqualTo("Sentinel answered HTTP 429 Too Many Requests: TooManyRequests: Slow down.");
    assertThat(SiemRequests.describe(Siem.KIBANA, reply(502, "<html>\n<body>Bad   Gateway</body></html>")))
        .isEqualTo("Kibana answered HTTP 502 Bad Gateway: <html> <body>Bad Gateway</body></html>");
    assertThat(SiemRequests.describe(Siem.SPLUNK, reply(503, ""))).isEqualTo("Splunk answered HTTP 503 Service Unavailable");
    assertThat(SiemRequests.describe(Siem.KIBANA, reply(500, "x".repeat(1000)))).hasSize(
        "Kibana answered HTTP 500 Internal Server Error: ".length() + 301);
  }

  static HttpReply reply(int status, String body) {
    return new HttpReply(status, HttpHeaders.of(Map.of(), (a, b) -> true), body, 1);
  }

  @Test
  void unauthorizedAndForbiddenAreFatalOtherErrorsAreNot() {
    assertThat(SiemRequests.unexpected(Siem.KIBANA, reply(401, "{}"), "read rule r").fatal()).isTrue();
    assertThat(SiemRequests.unexpected(Siem.KIBANA, reply(403, "{}"), "read rule r"))
        .hasMessage("cannot read rule r: Kibana answered HTTP 403 Forbidden: {} (the credential lacks the permission to"
            + " read rule r)");
    assertThat(SiemRequests.unexpected(Siem.KIBANA, reply(400, "{}"), "create rule r").fatal()).isFalse();
  }
}
