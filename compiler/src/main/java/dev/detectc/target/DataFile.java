package dev.detectc.target;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Typed access to one YAML data file of a target (target.yaml, a profile), with errors that
 * name the file and key: these files are project data, so a mistake in one is a bug to report
 * clearly, not a rule error.
 */
final class DataFile {

  private final String name;
  private final Map<String, Object> root;

  private DataFile(String name, Map<String, Object> root) {
    this.name = name;
    this.root = root;
  }

  /** Reads {@code resource} from the classpath; empty when it does not exist. */
  static java.util.Optional<DataFile> load(String resource) {
    try (InputStream in = DataFile.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return java.util.Optional.empty();
      }
      Object data = new Yaml(new SafeConstructor(new LoaderOptions()))
          .load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!(data instanceof Map)) {
        throw new IllegalStateException(resource + ": expected a mapping at the top");
      }
      return java.util.Optional.of(new DataFile(resource, stringKeys(resource, data)));
    } catch (IOException e) {
      throw new IllegalStateException(resource + ": " + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  Map<String, Object> root() {
    return root;
  }

  static Map<String, Object> stringKeys(String where, Object value) {
    if (!(value instanceof Map)) {
      throw new IllegalStateException(where + ": expected a mapping, found " + value);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    ((Map<?, ?>) value).forEach((key, item) -> out.put(String.valueOf(key), item));
    return out;
  }

  static String string(String where, Map<String, Object> map, String key, String fallback) {
    Object value = map.get(key);
    if (value == null) {
      if (fallback == null) {
        throw new IllegalStateException(where + ": '" + key + "' is required");
      }
      return fallback;
    }
    return String.valueOf(value);
  }

  static Map<String, String> strings(String where, Map<String, Object> map, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    Object value = map.get(key);
    if (value != null) {
      stringKeys(where + "." + key, value).forEach((k, v) -> out.put(k, String.valueOf(v)));
    }
    return out;
  }

  static List<String> list(String where, Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List)) {
      throw new IllegalStateException(where + ": '" + key + "' must be a list");
    }
    return ((List<?>) value).stream().map(String::valueOf).toList();
  }

  static Map<String, Object> section(String where, Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value == null ? Map.of() : stringKeys(where + "." + key, value);
  }
}
