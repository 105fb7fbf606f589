package dev.detectc.ir;

import dev.detectc.condition.ConditionError;
import dev.detectc.condition.ConditionParser;
import dev.detectc.condition.ParsedCondition;
import dev.detectc.rule.ConditionSource;
import dev.detectc.rule.Detection;
import dev.detectc.rule.DetectionItem;
import dev.detectc.rule.Environment;
import dev.detectc.rule.SearchIdentifier;
import dev.detectc.rule.SigmaRule;
import dev.detectc.source.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lowers a detection (of a rule or a filter) to IR: searches first, then each condition over
 * them. Every problem is reported; the result is empty when any was an error.
 */
public final class Lowering {

  private final Environment environment;
  private final ConditionParser conditionParser = new ConditionParser();

  public Lowering(Environment environment) {
    this.environment = environment;
  }

  /** The rule's conditions, each AND-ed with the given filter expressions. */
  public Optional<IrRule> lower(SigmaRule rule, List<IrExpr> filters, Diagnostics diagnostics) {
    Optional<List<IrExpr>> conditions = lower(rule.detection(), diagnostics);
    if (conditions.isEmpty()) {
      return Optional.empty();
    }
    List<IrExpr> filtered = new ArrayList<>();
    for (IrExpr condition : conditions.get()) {
      List<IrExpr> terms = new ArrayList<>();
      terms.add(condition);
      terms.addAll(filters);
      filtered.add(IrExpr.and(terms));
    }
    return Optional.of(new IrRule(rule.info(), rule.logsource(), filtered, true));
  }

  /** One expression per condition of the detection. */
  public Optional<List<IrExpr>> lower(Detection detection, Diagnostics diagnostics) {
    int before = diagnostics.size();
    Map<String, Optional<IrExpr>> searches = new LinkedHashMap<>();
    ItemLowering items = new ItemLowering(environment, diagnostics);
    for (SearchIdentifier search : detection.searches().values()) {
      searches.put(search.name(), search(search, items));
    }
    List<IrExpr> conditions = new ArrayList<>();
    for (ConditionSource source : detection.conditions()) {
      ParsedCondition parsed = conditionParser.parse(source.text());
      for (ConditionError error : parsed.errors()) {
        diagnostics.error(error.code(), source.positionAt(error.offset()), error.message());
      }
      if (parsed.ok()) {
        new ConditionLowering(searches, source, diagnostics).lower(parsed.condition()).ifPresent(conditions::add);
      }
    }
    if (diagnostics.hasErrorsSince(before) || conditions.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(conditions);
  }

  private static Optional<IrExpr> search(SearchIdentifier search, ItemLowering items) {
    List<IrExpr> alternatives = new ArrayList<>();
    boolean failed = search.alternatives().isEmpty();
    for (List<DetectionItem> alternative : search.alternatives()) {
      List<IrExpr> terms = new ArrayList<>();
      for (DetectionItem item : alternative) {
        Optional<IrExpr> lowered = items.lower(item);
        failed |= lowered.isEmpty();
        lowered.ifPresent(terms::add);
      }
      if (!terms.isEmpty()) {
        alternatives.add(IrExpr.and(terms));
      } else {
        failed = true;
      }
    }
    return failed ? Optional.empty() : Optional.of(IrExpr.or(alternatives));
  }
}
