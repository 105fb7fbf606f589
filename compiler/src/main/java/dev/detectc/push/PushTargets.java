package dev.detectc.push;

import dev.detectc.target.Target;
import java.util.Locale;
import java.util.Map;

/**
 * Which SIEM each target pushes to, and which {@link PushPayloads} builds its rule bodies in this
 * build. Bodies always come from the target's packaging writer, never made up here.
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
   * This build's wiring: each SIEM through its target's own packaging writer (Kibana rules for
   * lucene, eql and esql; saved searches for spl; alert rules for kql).
   */
  PushTargets BUILT_IN = (target, profile) -> {
    Siem siem = siemFor(target);
    Target loaded = Target.load(target.toLowerCase(Locale.ROOT));
    switch (siem) {
      case KIBANA:
        return PackagedPayloads.kibana(loaded, loaded.profile(profile));
      case SPLUNK:
        return PackagedPayloads.splunk(loaded, loaded.profile(profile));
      default:
        return PackagedPayloads.sentinel(loaded, loaded.profile(profile));
    }
  };
}
