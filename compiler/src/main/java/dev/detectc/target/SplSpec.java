package dev.detectc.target;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parts of {@code targets/spl/target.yaml} beyond {@link TargetSpec}: the eval language's
 * Boolean templates, the pipeline command templates, and the savedsearches.conf defaults.
 * Loaded once per target name.
 */
record SplSpec(Map<String, String> evalBoolean, Map<String, String> commands, Map<String, Object> savedSearches) {

  private static final Map<String, SplSpec> LOADED = new ConcurrentHashMap<>();

  SplSpec {
    evalBoolean = Map.copyOf(evalBoolean);
    commands = Map.copyOf(commands);
    savedSearches = Map.copyOf(savedSearches);
  }

  static SplSpec of(Target target) {
    return LOADED.computeIfAbsent(target.name(), name -> {
      DataFile file = DataFile.load("targets/" + name + "/target.yaml")
          .orElseThrow(() -> new IllegalStateException("no target.yaml for " + name));
      Map<String, Object> root = file.root();
      return new SplSpec(DataFile.strings(file.name(), root, "eval_boolean"), DataFile.strings(file.name(), root, "commands"),
          DataFile.section(file.name(), root, "savedsearches"));
    });
  }

  /** A pipeline command template; a missing one is a bug in target.yaml. */
  String command(String name) {
    String template = commands.get(name);
    if (template == null) {
      throw new IllegalStateException("spl target.yaml has no command template '" + name + "'");
    }
    return template;
  }
}
