package dev.detectc.ir;

import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.Environment;
import dev.detectc.rule.FilterRule;
import dev.detectc.rule.LoadedDocument;
import dev.detectc.rule.LoadedFile;
import dev.detectc.rule.SigmaDocument;
import dev.detectc.rule.SigmaRule;
import dev.detectc.source.Diagnostics;
import dev.detectc.source.Located;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lowers a whole set of loaded files together, because documents refer to each other across
 * files: filters apply to the rules they name, correlations to the rules and correlations they
 * reference (by id or name), and {@code generate: false} silences referenced rules.
 */
public final class RuleSetBuilder {

  private final Environment environment;

  public RuleSetBuilder(Environment environment) {
    this.environment = environment;
  }

  public RuleSet build(List<LoadedFile> files) {
    List<LoadedDocument> all = new ArrayList<>();
    Map<LoadedDocument, String> fileOf = new IdentityHashMap<>();
    for (LoadedFile file : files) {
      for (LoadedDocument document : file.documents()) {
        all.add(document);
        fileOf.put(document, file.file());
      }
    }
    Map<String, LoadedDocument> byReference = new HashMap<>();
    for (LoadedDocument document : all) {
      SigmaDocument sigma = document.document();
      if (sigma.info().idValue() != null) {
        byReference.putIfAbsent(sigma.info().idValue(), document);
      }
      if (sigma.info().nameValue() != null) {
        byReference.putIfAbsent(sigma.info().nameValue(), document);
      }
    }
    Lowering lowering = new Lowering(environment);
    Map<LoadedDocument, Diagnostics> diagnostics = new IdentityHashMap<>();
    for (LoadedDocument document : all) {
      Diagnostics sink = new Diagnostics(fileOf.get(document));
      document.diagnostics().forEach(sink::add);
      diagnostics.put(document, sink);
    }

    Map<FilterRule, IrExpr> filters = new IdentityHashMap<>();
    Map<LoadedDocument, IrDocument> lowered = new IdentityHashMap<>();
    for (LoadedDocument document : all) {
      if (document.document() instanceof FilterRule) {
        FilterRule filter = (FilterRule) document.document();
        Diagnostics sink = diagnostics.get(document);
        for (Located<String> reference : filter.rules()) {
          if (!byReference.containsKey(reference.value())) {
            sink.error(dev.detectc.source.DiagnosticCode.CORRELATION_REFERENCE, reference.position(),
                "the filter names rule '" + reference.value() + "', which is not among the loaded rules");
          }
        }
        Optional<List<IrExpr>> condition = lowering.lower(filter.detection(), sink);
        if (condition.isPresent()) {
          filters.put(filter, IrExpr.or(condition.get()));
        }
      }
    }
    // Rules lower independently of each other (each writes only its own diagnostics, and
    // Lowering keeps no state between rules), so they lower in parallel; on the whole corpus
    // this was the largest serial step of a compile.
    // The maps are only read while the rules lower, so sharing them across threads is safe.
    all.parallelStream()
        .filter(document -> document.document() instanceof SigmaRule)
        .map(document -> Map.entry(document, lowerSafely(lowering, document, filters, diagnostics.get(document))))
        .toList()
        .forEach(entry -> entry.getValue().ifPresent(ir -> lowered.put(entry.getKey(), ir)));
    new CorrelationResolver(byReference, diagnostics, lowered).resolveAll(all);

    List<LoweredDocument> result = new ArrayList<>();
    for (LoadedDocument document : all) {
      Optional<IrDocument> ir = Optional.ofNullable(lowered.get(document));
      if (diagnostics.get(document).hasErrors()) {
        ir = Optional.empty();
      }
      result.add(new LoweredDocument(fileOf.get(document), document.document(), ir, diagnostics.get(document).toList()));
    }
    return new RuleSet(files, result);
  }

  private static Optional<IrDocument> lowerSafely(Lowering lowering, LoadedDocument document,
      Map<FilterRule, IrExpr> filters, Diagnostics sink) {
    SigmaRule rule = (SigmaRule) document.document();
    try {
      return lowering.lower(rule, applicableFilters(rule, filters), sink).map(IrDocument.class::cast);
    } catch (RuntimeException | StackOverflowError e) {
      // A crash is a bug, but it must name the rule and leave the other rules alone.
      sink.error(dev.detectc.source.DiagnosticCode.INTERNAL_ERROR, rule.info().position(),
          "detectc failed while lowering this rule (a bug; please report it): " + e);
      return Optional.empty();
    }
  }

  private static List<IrExpr> applicableFilters(SigmaRule rule, Map<FilterRule, IrExpr> filters) {
    List<IrExpr> applicable = new ArrayList<>();
    filters.forEach((filter, condition) -> {
      boolean named = filter.appliesToAny() || filter.rules().stream()
          .anyMatch(ref -> ref.value().equals(rule.info().idValue()) || ref.value().equals(rule.info().nameValue()));
      if (named && filter.logsource().contains(rule.logsource())) {
        applicable.add(condition);
      }
    });
    return applicable;
  }
}
