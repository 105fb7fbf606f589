package dev.detectc.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What one Sigma rule should look like in a SIEM. {@code key} names the object there (Kibana
 * {@code rule_id}, Splunk saved-search name, Sentinel alert-rule id); {@code body} holds exactly
 * the fields detectc manages: the Kibana rule JSON, the Splunk form fields (a flat object of
 * scalars, {@code name} included) or the Sentinel {@code {kind, properties}} object. The body is
 * copied in and out, so the record stays immutable.
 */
public record DesiredRule(String ruleId, String title, String file, String key, ObjectNode body) {

  public DesiredRule {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    if (key.isBlank()) {
      throw new IllegalArgumentException("a SIEM key must not be blank");
    }
    body = Objects.requireNonNull(body, "body").deepCopy();
  }

  @Override
  public ObjectNode body() {
    return body.deepCopy();
  }
}
