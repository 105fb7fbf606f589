package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import dev.detectc.ir.IrRule;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.CorrelationType;
import dev.detectc.source.DiagnosticCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles a correlation: each referenced rule becomes a source of the events it matches (its
 * table, predicate, group-by columns and aggregated value) and the target's template for the
 * correlation type aggregates them. A referenced correlation (a chain) is rendered by the same
 * template as a local function that returns the times at which its condition held, and those
 * are its events. The model is the same for every target; the sliding window is the template's
 * business, and a template that can only bucket time is declared in target.yaml
 * ({@code approximate:}) so the compiler warns.
 */
final class CorrelationCompiler {

  private final Target target;
  private final Profile profile;
  private final RuleCompiler rules;
  private final Map<String, Map<String, String>> entities = new LinkedHashMap<>();
  private final List<Map<String, Object>> connectors = new ArrayList<>();
  private final List<Refusal> warnings = new ArrayList<>();

  CorrelationCompiler(Target target, Profile profile, RuleCompiler rules) {
    this.target = target;
    this.profile = profile;
    this.rules = rules;
  }

  CompileResult compile(IrCorrelation correlation) {
    if (profile.open()) {
      throw refuse("profile " + profile.name() + " renders bare predicates, and a correlation needs a table and a time"
          + " column: compile it with a profile that maps its log sources");
    }
    String query = body(correlation, false, true);
    return new CompileResult(correlation, Optional.of(query), Optional.empty(), warnings, entities, connectors,
        correlation.correlation().timespan());
  }

  /** The correlation's query; with {@code anchors}, it returns the rows at which its condition held instead of a summary. */
  private String body(IrCorrelation correlation, boolean anchors, boolean outermost) {
    CorrelationRule rule = correlation.correlation();
    String template = target.spec().correlationTemplates().get(rule.type().id());
    if (template == null) {
      throw refuse(rule.type().id() + " correlations are not supported by this target");
    }
    List<String> groups = outputNames(rule.groupBy());
    List<Map<String, Object>> sources = new ArrayList<>();
    List<Map<String, Object>> functions = new ArrayList<>();
    for (int i = 0; i < correlation.rules().size(); i++) {
      IrDocument document = correlation.rules().get(i);
      sources.add(document instanceof IrRule ? source((IrRule) document, correlation, groups, outermost && i == 0)
          : inner((IrCorrelation) document, correlation, groups, functions));
    }
    TemplateEngine templates = target.templates();
    Escaper escaper = target.escaper();
    Map<String, Object> model = new HashMap<>();
    model.put("anchors", anchors);
    model.put("functions", functions);
    model.put("sources", sources);
    model.put("groups", templates.markup(groups.stream().map(escaper::identifier).toList()));
    model.put("timespan", templates.markup(escaper.duration(rule.timespan())));
    model.put("time", templates.markup(escaper.identifier(profile.timeColumn())));
    model.put("condition", templates.markup(new CorrelationCondition(target, profile).render(correlation)));
    List<Map<String, Object>> counters = new ArrayList<>();
    for (int i = 0; i < correlation.rules().size(); i++) {
      counters.add(Map.of("name", templates.markup("_c" + i),
          "rule", templates.markup(escaper.string(IrCorrelation.referenceName(correlation.rules().get(i))))));
    }
    model.put("counters", counters);
    model.put("first_rule", counters.get(0).get("rule"));
    model.put("later_rules", counters.subList(1, counters.size()).stream().map(counter -> counter.get("rule")).toList());
    model.put("percentile", templates.markup(escaper.number(rule.percentile() == null ? BigDecimal.valueOf(50) : rule.percentile())));
    String approximation = target.spec().approximations().get(rule.type().id());
    if (approximation != null) {
      warnings.add(new Refusal(DiagnosticCode.APPROXIMATE_WINDOW, target.name() + ": " + rule.info().title() + ": "
          + approximation.replace("{timespan}", escaper.duration(rule.timespan()))));
    }
    return templates.renderFile(template, model).stripTrailing();
  }

  /** One referenced detection rule as an event source of the correlation. */
  private Map<String, Object> source(IrRule rule, IrCorrelation correlation, List<String> groups, boolean first) {
    RuleCompiler.Source source = rules.source(rule);
    source.mapping().connectors().stream().filter(connector -> !connectors.contains(connector)).forEach(connectors::add);
    CorrelationRule definition = correlation.correlation();
    String name = IrCorrelation.referenceName(rule);
    List<String> texts = new ArrayList<>();
    if (definition.groupBy().isEmpty()) {
      texts.add(target.escaper().number(BigDecimal.ONE));
    }
    for (String group : definition.groupBy()) {
      ResolvedField field = source.fields().resolve(definition.resolveAlias(group, name));
      texts.add(field.type() == FieldType.STRING ? field.text() : cast("string", field.text()));
      if (first) {
        String column = field.text();
        source.mapping().entities().forEach((entity, identifiers) -> identifiers.forEach((identifier, mapped) -> {
          if (target.escaper().identifier(mapped).equals(column)) {
            entities.computeIfAbsent(entity, key -> new LinkedHashMap<>()).put(identifier, groups.get(texts.size() - 1));
          }
        }));
      }
    }
    Map<String, Object> model = sourceModel(name, groups, texts, source.mapping().query(), source.predicate());
    if (definition.type().needsField()) {
      if (definition.fields().size() != 1) {
        throw refuse(definition.type().id() + " over " + definition.fields().size() + " fields is not supported; name one field");
      }
      ResolvedField value = source.fields().resolve(definition.resolveAlias(definition.fields().get(0), name));
      boolean count = definition.type() == CorrelationType.VALUE_COUNT;
      FieldType wanted = count ? FieldType.STRING : FieldType.NUMBER;
      model.put("has_value", true);
      model.put("value", target.templates().markup(value.type() == wanted ? value.text()
          : cast(count ? "string" : "number", value.text())));
    }
    return model;
  }

  /** A referenced correlation as a source: a local function returning the times its condition held. */
  private Map<String, Object> inner(IrCorrelation inner, IrCorrelation outer, List<String> groups,
      List<Map<String, Object>> functions) {
    CorrelationRule definition = outer.correlation();
    if (definition.type().needsField()) {
      throw refuse(definition.type().id() + " over the results of another correlation is not supported; it has no field values");
    }
    String name = IrCorrelation.referenceName(inner);
    List<String> innerGroups = outputNames(inner.correlation().groupBy());
    List<String> texts = new ArrayList<>();
    for (String group : definition.groupBy()) {
      int index = inner.correlation().groupBy().indexOf(definition.resolveAlias(group, name));
      if (index < 0) {
        throw refuse("the correlation groups by '" + group + "', which the correlation '" + name
            + "' it references does not group by, so its results do not carry it");
      }
      texts.add(target.escaper().identifier(innerGroups.get(index)));
    }
    if (definition.groupBy().isEmpty()) {
      texts.add(target.escaper().number(BigDecimal.ONE));
    }
    String function = "_correlation" + functions.size();
    String body = body(inner, true, false);
    functions.add(Map.of("name", target.templates().markup(function), "body", target.templates().markup(body)));
    Map<String, Object> model = sourceModel(name, groups, texts, function + "()", null);
    model.put("time", target.templates().markup("_t"));
    return model;
  }

  private Map<String, Object> sourceModel(String name, List<String> groups, List<String> texts, String source, String predicate) {
    TemplateEngine templates = target.templates();
    List<Map<String, Object>> columns = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      columns.add(Map.of("name", templates.markup(target.escaper().identifier(groups.get(g))), "expr", templates.markup(texts.get(g))));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("source", templates.markup(source));
    model.put("filtered", predicate != null);
    model.put("predicate", templates.markup(predicate == null ? "" : predicate));
    model.put("rule", templates.markup(target.escaper().string(name)));
    model.put("groups", columns);
    model.put("time", templates.markup(target.escaper().identifier(profile.timeColumn())));
    model.put("has_value", false);
    return model;
  }

  /** Output column names for the group-by fields: identifiers, unique; one constant column when there are none. */
  private static List<String> outputNames(List<String> groupBy) {
    if (groupBy.isEmpty()) {
      return List.of("_all");
    }
    List<String> names = new ArrayList<>();
    for (String field : groupBy) {
      String name = field.replaceAll("[^A-Za-z0-9_]", "_");
      name = name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
      while (names.contains(name)) {
        name = name + "_";
      }
      names.add(name);
    }
    return names;
  }

  private String cast(String type, String text) {
    String template = target.spec().casts().get(type);
    if (template == null) {
      throw refuse("converting a column to " + type);
    }
    return target.templates().renderInline("cast_" + type, template, Map.of("field", target.templates().markup(text)));
  }

  private RefusalException refuse(String what) {
    return new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": " + what);
  }
}
