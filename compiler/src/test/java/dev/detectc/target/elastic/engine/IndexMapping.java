package dev.detectc.target.elastic.engine;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The field types of the test index ({@code test-fixtures/elastic/mapping.yaml}); unlisted fields are keyword. */
public final class IndexMapping {

  /** How a field is indexed, after the Elasticsearch field type of the same name. */
  public enum Type { KEYWORD, LONG, IP }

  private final Map<String, Type> types;

  public IndexMapping(Map<String, Type> types) {
    this.types = Map.copyOf(types);
  }

  @SuppressWarnings("unchecked")
  public static IndexMapping load(Path file) throws IOException {
    Map<String, Type> types = new HashMap<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      for (Map.Entry<String, Object> entry : data.entrySet()) {
        Type type = Type.valueOf(entry.getKey().toUpperCase(java.util.Locale.ROOT));
        for (Object field : (List<Object>) entry.getValue()) {
          types.put(String.valueOf(field), type);
        }
      }
    }
    return new IndexMapping(types);
  }

  public Type type(String field) {
    return types.getOrDefault(field, Type.KEYWORD);
  }
}
