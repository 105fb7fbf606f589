package dev.detectc.target;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One target language as declared in {@code targets/<name>/target.yaml}: boolean tokens and
 * precedence, one template per IR construct it supports, casts, operators and the frame
 * templates. A construct without a template is one the target cannot express; {@code profileHome}
 * is the target folder whose {@code profiles/} it uses (its own by default). {@code compiler} is
 * {@code shared} (the generic {@link QueryRenderer} and correlation templates) or the name of a
 * target that needs its own Java ({@code spl}: conditions split between two expression
 * languages). The schema is described in {@code docs/targets.md}.
 */
public record TargetSpec(
    String name,
    String description,
    String escaper,
    Set<String> reserved,
    String regexDialect,
    boolean regexFlagPrefix,
    List<String> profiles,
    String queryTemplate,
    Map<String, String> correlationTemplates,
    Map<String, String> approximations,
    String closingTemplate,
    Map<String, String> closingAggregates,
    List<String> precedence,
    Map<String, String> booleans,
    boolean notEnclosesOperand,
    int maxChain,
    Map<String, String> operators,
    Map<String, String> timeUnits,
    Map<String, String> casts,
    Set<String> nullable,
    Map<String, String> expressions,
    String profileHome,
    String compiler) {

  public TargetSpec {
    Objects.requireNonNull(name, "name");
    reserved = Set.copyOf(reserved);
    profiles = List.copyOf(profiles);
    correlationTemplates = Map.copyOf(correlationTemplates);
    approximations = Map.copyOf(approximations);
    closingAggregates = Map.copyOf(closingAggregates);
    precedence = List.copyOf(precedence);
    booleans = Map.copyOf(booleans);
    operators = Map.copyOf(operators);
    timeUnits = Map.copyOf(timeUnits);
    casts = Map.copyOf(casts);
    nullable = Set.copyOf(nullable);
    expressions = Map.copyOf(expressions);
    if (!precedence.containsAll(List.of("not", "and", "or")) || precedence.size() != 3) {
      throw new IllegalStateException(name + ": precedence must order exactly not, and, or");
    }
    if (maxChain < 2) {
      throw new IllegalStateException(name + ": max_chain must be at least 2");
    }
  }

  /** Reads {@code targets/<name>/target.yaml} from the classpath. */
  public static TargetSpec load(String name) {
    DataFile file = DataFile.load("targets/" + name + "/target.yaml")
        .orElseThrow(() -> new IllegalArgumentException("unknown target '" + name + "'"));
    String where = file.name();
    Map<String, Object> root = file.root();
    Map<String, Object> regex = DataFile.section(where, root, "regex");
    Map<String, Object> bool = DataFile.section(where, root, "boolean");
    Map<String, String> booleans = new java.util.HashMap<>();
    for (String key : List.of("and", "or", "not", "not_nullable", "group")) {
      if (bool.get(key) != null) {
        booleans.put(key, String.valueOf(bool.get(key)));
      }
    }
    return new TargetSpec(
        DataFile.string(where, root, "name", null),
        DataFile.string(where, root, "description", ""),
        DataFile.string(where, root, "escaper", null),
        Set.copyOf(DataFile.list(where, root, "reserved")),
        DataFile.string(where, regex, "dialect", "java"),
        "prefix".equals(DataFile.string(where, regex, "flags", "none")),
        DataFile.list(where, root, "profiles"),
        DataFile.string(where, root, "query", "query.ftl"),
        DataFile.strings(where, root, "correlation"),
        DataFile.strings(where, root, "approximate"),
        (String) root.get("correlation_closing"),
        DataFile.strings(where, root, "closing_aggregates"),
        DataFile.list(where, bool, "precedence"),
        booleans,
        Boolean.parseBoolean(DataFile.string(where, bool, "not_encloses_operand", "false")),
        Integer.parseInt(DataFile.string(where, bool, "max_chain", "64")),
        DataFile.strings(where, root, "operators"),
        DataFile.strings(where, root, "time_units"),
        DataFile.strings(where, root, "casts"),
        Set.copyOf(DataFile.list(where, root, "nullable")),
        DataFile.strings(where, root, "expressions"),
        // Targets that share profiles (the four Elastic languages) read them from one folder.
        DataFile.string(where, root, "profiles_from", DataFile.string(where, root, "name", null)),
        DataFile.string(where, root, "compiler", "shared"));
  }

  /** How loosely an operator binds: 1 for the tightest of not/and/or, 3 for the loosest; 0 is an atom. */
  public int level(String operator) {
    return precedence.indexOf(operator) + 1;
  }

  public boolean supports(String construct) {
    return expressions.containsKey(construct);
  }
}
