package dev.detectc.push;

import dev.detectc.target.Target;
import java.util.Locale;
import java.util.Map;

/**
 * Which SIEM each target pushes to, and which {@link PushPayloads} builds its rule bodies in this
 * build. A target whose packaging writer is not wired in is refused with a message saying so,
 * rather than pushed with bodies made up here.
 */
public interface PushTargets {

  /** The targets push knows and the SIEM each one goes to. */
  Map<String, Siem> SIEMS = Map.of("kql", Siem.SENTINEL, "spl", Siem.SPLUNK, "lucene", Siem.KIBANA,
      "eql", Siem.KIBANA, "esql", Siem.KIBANA);

  /**
   * The payloads for {@code target} under {@code profile}.
   *
   * @throws IllegalArgumentException with a message for the user when the target cannot be pushed
   */
  PushPayloads payloads(String target, String profile);

  /** The SIEM {@code target} pushes to. */
  static Siem siemFor(String target) {
    Siem siem = SIEMS.get(target.toLowerCase(Locale.ROOT));
    if (siem == null) {
      throw new IllegalArgumentException(target.equalsIgnoreCase("dsl")
          ? "target dsl cannot be pushed: Kibana detection rules take a query string, EQL or ES|QL, not Query DSL"
          : "unknown target " + target + "; push supports kql (Sentinel), spl (Splunk), lucene, eql and esql (Kibana)");
    }
    return siem;
  }

  /**
   * This build's wiring: Kibana through the Elastic targets' rule packaging, Sentinel through
   * the KQL target's alert-rule packaging; Splunk is refused until its packaging writer is merged in.
   */
  PushTargets BUILT_IN = (target, profile) -> {
    Siem siem = siemFor(target);
    if (siem == Siem.KIBANA) {
      Target loaded = Target.load(target.toLowerCase(Locale.ROOT));
      return PackagedPayloads.kibana(loaded, loaded.profile(profile));
    }
    if (siem == Siem.SENTINEL) {
      Target loaded = Target.load("kql");
      return PackagedPayloads.sentinel(loaded, loaded.profile(profile));
    }
    throw new IllegalArgumentException("pushing --target " + target.toLowerCase(Locale.ROOT) + " to "
        + siem.displayName() + " is not available in this build: the target's " + packaging(siem)
        + " packaging is not wired into push yet");
  };

  private static String packaging(Siem siem) {
    switch (siem) {
      case KIBANA:
        return "Kibana rule (kibana-ndjson)";
      case SPLUNK:
        return "saved-search (savedsearches)";
      default:
        return "Sentinel alert-rule (sentinel-arm)";
    }
  }
}
