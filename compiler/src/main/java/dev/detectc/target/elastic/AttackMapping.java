package dev.detectc.target.elastic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Turns a rule's ATT&CK tags ({@code attack.reconnaissance}, {@code attack.t1596.001}) into
 * Kibana's {@code threat} array: one entry per tactic, each carrying the rule's techniques with
 * their sub-techniques. Sigma does not say which technique belongs to which tactic, so every
 * technique is listed under every tactic the rule names; techniques without a tactic are left
 * out, since Kibana requires the tactic. Names come from {@code targets/elastic/attack.yaml}.
 */
public final class AttackMapping {

  private static final String FRAMEWORK = "MITRE ATT&CK";
  private static final String DATA = "/targets/elastic/attack.yaml";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, Map<String, String>> tactics;
  private final Map<String, String> techniques;

  private AttackMapping(Map<String, Map<String, String>> tactics, Map<String, String> techniques) {
    this.tactics = tactics;
    this.techniques = techniques;
  }

  /** The mapping shipped on the classpath. */
  @SuppressWarnings("unchecked")
  public static AttackMapping load() {
    try (InputStream in = AttackMapping.class.getResourceAsStream(DATA)) {
      if (in == null) {
        throw new IllegalStateException(DATA + " is missing from the classpath");
      }
      Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return new AttackMapping((Map<String, Map<String, String>>) data.get("tactics"),
          (Map<String, String>) data.get("techniques"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code threat} array for these tags (possibly empty). */
  public ArrayNode threat(List<String> tags) {
    List<Map<String, String>> ruleTactics = new ArrayList<>();
    Map<String, List<String>> ruleTechniques = new LinkedHashMap<>();
    for (String tag : tags) {
      String lower = tag.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("attack.")) {
        continue;
      }
      String value = lower.substring("attack.".length());
      if (value.matches("t\\d{4}(\\.\\d{3})?")) {
        String id = value.toUpperCase(Locale.ROOT);
        String parent = id.substring(0, 5);
        List<String> subs = ruleTechniques.computeIfAbsent(parent, key -> new ArrayList<>());
        if (!id.equals(parent) && !subs.contains(id)) {
          subs.add(id);
        }
      } else if (tactics.containsKey(value) && !ruleTactics.contains(tactics.get(value))) {
        ruleTactics.add(tactics.get(value));
      }
    }
    ArrayNode threat = NODES.arrayNode();
    for (Map<String, String> tactic : ruleTactics) {
      ObjectNode entry = threat.addObject();
      entry.put("framework", FRAMEWORK);
      entry.set("tactic", reference(tactic.get("id"), tactic.get("name"), "tactics/" + tactic.get("id")));
      ArrayNode list = entry.putArray("technique");
      ruleTechniques.forEach((id, subs) -> {
        ObjectNode technique = reference(id, name(id), "techniques/" + id);
        ArrayNode subList = technique.putArray("subtechnique");
        subs.forEach(sub -> subList.add(reference(sub, name(sub), "techniques/" + sub.replace('.', '/'))));
        list.add(technique);
      });
    }
    return threat;
  }

  private String name(String id) {
    return techniques.getOrDefault(id, id);
  }

  private static ObjectNode reference(String id, String name, String path) {
    ObjectNode node = NODES.objectNode();
    node.put("id", id);
    node.put("name", name);
    node.put("reference", "https://attack.mitre.org/" + path + "/");
    return node;
  }
}
