package dev.detectc.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detectc.target.SavedSearchStanza;
import dev.detectc.target.SavedSearchesWriter;
import java.util.Map;

/**
 * A savedsearches.conf stanza as the form fields of Splunk's {@code saved/searches} endpoint.
 * Most conf keys are also the REST parameter names ({@code search}, {@code cron_schedule},
 * {@code dispatch.*}, {@code alert.*}, {@code action.*}, {@code description}), but four
 * settings have REST names of their own, and GET answers under those names. Sources: the conf
 * keys in {@code reference/siem-targets-and-schemas.md} §2.4 (contentctl's savedsearches
 * template), the REST names in §2.5 (splunk/terraform-provider-splunk
 * {@code client/models/saved_searches.go}, whose fields serve as both the form names of POST and
 * the JSON names of {@code entry[0].content}).
 */
final class SavedSearchForm {

  /** conf key -> REST parameter, for the settings the SPL target writes that are renamed. */
  static final Map<String, String> REST_NAMES = Map.of(
      "enableSched", "is_scheduled",
      "counttype", "alert_type",
      "relation", "alert_comparator",
      "quantity", "alert_threshold");

  private SavedSearchForm() {}

  /**
   * The flat form body: {@code name} first (the stanza name as {@code compile --format
   * savedsearches} writes it), then each setting under its REST name, values as written.
   */
  static ObjectNode body(SavedSearchStanza stanza) {
    ObjectNode body = SiemRequests.JSON.createObjectNode();
    body.put("name", SavedSearchesWriter.stanzaName(stanza.name()));
    stanza.settings().forEach((key, value) -> body.put(REST_NAMES.getOrDefault(key, key), value));
    return body;
  }
}
