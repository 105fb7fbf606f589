package dev.detectc.rule;

import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Diagnostics;
import dev.detectc.source.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Site data that rules reference through {@code |expand} placeholders, read from an
 * environment file ({@code placeholders: {name: [values]}}). {@link #UNBOUND} stands for "no
 * environment given": placeholders then stay unresolved in the IR instead of failing.
 */
public record Environment(Map<String, List<String>> placeholders, boolean bound, String file) {

  public static final Environment UNBOUND = new Environment(Map.of(), false, null);

  public Environment {
    placeholders = Map.copyOf(placeholders);
  }

  public static Environment of(Map<String, List<String>> placeholders) {
    return new Environment(placeholders, true, null);
  }

  public Optional<List<String>> lookup(String name) {
    return Optional.ofNullable(placeholders.get(name));
  }

  /** Reads an environment file; problems are reported to {@code diagnostics} and yield an empty environment. */
  public static Environment load(Path path, Diagnostics diagnostics) {
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      diagnostics.error(DiagnosticCode.IO_ERROR, SourcePosition.UNKNOWN, "cannot read the environment: " + e.getMessage());
      return new Environment(Map.of(), true, path.toString());
    }
    Map<String, List<String>> placeholders = new LinkedHashMap<>();
    NodeReader reader = new NodeReader(diagnostics);
    for (Node document : YamlComposer.compose(text, diagnostics)) {
      MappingNode root = reader.mapping("environment", document);
      if (root == null) {
        continue;
      }
      reader.entries(root).forEach((key, tuple) -> {
        if (!key.equals("placeholders")) {
          diagnostics.warning(DiagnosticCode.FIELD_TYPE, NodeReader.position(tuple.getKeyNode()),
              "unknown environment key '" + key + "' (expected 'placeholders')");
          return;
        }
        MappingNode map = reader.mapping("placeholders", tuple.getValueNode());
        if (map != null) {
          reader.entries(map).forEach((name, entry) ->
              placeholders.put(name, reader.plainStrings("placeholders." + name, entry.getValueNode(), true)));
        }
      });
    }
    return new Environment(placeholders, true, path.toString());
  }
}
