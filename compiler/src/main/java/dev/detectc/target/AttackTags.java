package dev.detectc.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** MITRE ATT&CK tactics and techniques from Sigma {@code attack.*} tags, in Sentinel's spelling. */
final class AttackTags {

  private static final Map<String, String> TACTICS = Map.ofEntries(
      Map.entry("reconnaissance", "Reconnaissance"),
      Map.entry("resource_development", "ResourceDevelopment"),
      Map.entry("initial_access", "InitialAccess"),
      Map.entry("execution", "Execution"),
      Map.entry("persistence", "Persistence"),
      Map.entry("privilege_escalation", "PrivilegeEscalation"),
      Map.entry("defense_evasion", "DefenseEvasion"),
      Map.entry("credential_access", "CredentialAccess"),
      Map.entry("discovery", "Discovery"),
      Map.entry("lateral_movement", "LateralMovement"),
      Map.entry("collection", "Collection"),
      Map.entry("command_and_control", "CommandAndControl"),
      Map.entry("exfiltration", "Exfiltration"),
      Map.entry("impact", "Impact"));

  private AttackTags() {}

  /** Tactics named by tags such as {@code attack.reconnaissance} or {@code attack.defense-evasion}. */
  static List<String> tactics(List<String> tags) {
    List<String> tactics = new ArrayList<>();
    for (String tag : tags) {
      String key = tag.toLowerCase(Locale.ROOT);
      if (key.startsWith("attack.")) {
        String tactic = TACTICS.get(key.substring(7).replace('-', '_'));
        if (tactic != null && !tactics.contains(tactic)) {
          tactics.add(tactic);
        }
      }
    }
    return tactics;
  }

  /** Techniques and sub-techniques from tags such as {@code attack.t1596.001}: {@code T1596.001}. */
  static List<String> techniques(List<String> tags) {
    List<String> techniques = new ArrayList<>();
    for (String tag : tags) {
      String key = tag.toLowerCase(Locale.ROOT);
      if (key.matches("attack\\.t[0-9]{4}(\\.[0-9]{3})?")) {
        String technique = key.substring(7).toUpperCase(Locale.ROOT);
        if (!techniques.contains(technique)) {
          techniques.add(technique);
        }
      }
    }
    return techniques;
  }
}
