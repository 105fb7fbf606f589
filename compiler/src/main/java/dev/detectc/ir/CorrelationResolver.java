package dev.detectc.ir;

import dev.detectc.condition.ConditionLeaves;
import dev.detectc.condition.ConditionError;
import dev.detectc.condition.ConditionParser;
import dev.detectc.condition.ParsedCondition;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.LoadedDocument;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Diagnostics;
import dev.detectc.source.Located;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves correlation references (depth first, so chains work and cycles are caught), checks
 * aliases and extended temporal conditions, and applies {@code generate}.
 */
final class CorrelationResolver {

  private final Map<String, LoadedDocument> byReference;
  private final Map<LoadedDocument, Diagnostics> diagnostics;
  private final Map<LoadedDocument, IrDocument> lowered;
  private final Map<LoadedDocument, Boolean> visiting = new IdentityHashMap<>();

  CorrelationResolver(Map<String, LoadedDocument> byReference, Map<LoadedDocument, Diagnostics> diagnostics,
      Map<LoadedDocument, IrDocument> lowered) {
    this.byReference = byReference;
    this.diagnostics = diagnostics;
    this.lowered = lowered;
  }

  void resolveAll(List<LoadedDocument> documents) {
    for (LoadedDocument document : documents) {
      if (document.document() instanceof CorrelationRule) {
        resolve(document);
      }
    }
    applyGenerate(documents);
  }

  private IrDocument resolve(LoadedDocument document) {
    if (lowered.containsKey(document)) {
      return lowered.get(document);
    }
    if (!(document.document() instanceof CorrelationRule)) {
      return null;
    }
    CorrelationRule correlation = (CorrelationRule) document.document();
    Diagnostics sink = diagnostics.get(document);
    if (visiting.containsKey(document)) {
      sink.error(DiagnosticCode.CORRELATION_CYCLE, correlation.position(),
          "correlation '" + correlation.info().title() + "' refers back to itself through its rules");
      return null;
    }
    visiting.put(document, Boolean.TRUE);
    List<IrDocument> rules = new ArrayList<>();
    boolean ok = true;
    for (Located<String> reference : correlation.rules()) {
      LoadedDocument target = byReference.get(reference.value());
      if (target == null) {
        sink.error(DiagnosticCode.CORRELATION_REFERENCE, reference.position(),
            "rule '" + reference.value() + "' is not among the loaded rules (reference it by id or name)");
        ok = false;
        continue;
      }
      IrDocument resolved = resolve(target);
      if (resolved == null) {
        if (!sink.hasErrors()) {
          sink.error(DiagnosticCode.CORRELATION_REFERENCE, reference.position(),
              "rule '" + reference.value() + "' has errors, so this correlation cannot use it");
        }
        ok = false;
      } else {
        rules.add(resolved);
      }
    }
    visiting.remove(document);
    ok &= checkAliases(correlation, rules, sink) & checkExtended(correlation, rules, sink);
    if (!ok) {
      return null;
    }
    IrCorrelation ir = new IrCorrelation(correlation, rules, true);
    lowered.put(document, ir);
    return ir;
  }

  private static boolean checkAliases(CorrelationRule correlation, List<IrDocument> rules, Diagnostics sink) {
    Set<String> names = new java.util.HashSet<>();
    rules.forEach(rule -> {
      names.add(IrCorrelation.referenceName(rule));
      if (rule.info().idValue() != null) {
        names.add(rule.info().idValue());
      }
    });
    boolean ok = true;
    for (Map.Entry<String, Map<String, String>> alias : correlation.aliases().entrySet()) {
      for (String ruleName : alias.getValue().keySet()) {
        if (!names.contains(ruleName)) {
          sink.error(DiagnosticCode.CORRELATION_ALIAS, correlation.info().positionOf("correlation"),
              "alias '" + alias.getKey() + "' maps rule '" + ruleName + "', which this correlation does not reference");
          ok = false;
        }
      }
    }
    return ok;
  }

  private static boolean checkExtended(CorrelationRule correlation, List<IrDocument> rules, Diagnostics sink) {
    if (correlation.extendedCondition() == null) {
      return true;
    }
    ParsedCondition parsed = new ConditionParser().parse(correlation.extendedCondition().text());
    for (ConditionError error : parsed.errors()) {
      sink.error(error.code(), correlation.extendedCondition().positionAt(error.offset()), error.message());
    }
    if (!parsed.ok()) {
      return false;
    }
    Set<String> names = new java.util.HashSet<>();
    rules.forEach(rule -> names.add(IrCorrelation.referenceName(rule)));
    boolean[] ok = {true};
    ConditionLeaves.visit(parsed.condition(), reference -> {
      if (!names.contains(reference.name())) {
        sink.error(DiagnosticCode.CONDITION_UNDEFINED, correlation.extendedCondition().positionAt(reference.offset()),
            "'" + reference.name() + "' is not one of this correlation's rules");
        ok[0] = false;
      }
    }, quantified -> { });
    return ok[0];
  }

  /** Referenced documents are silent unless some correlation that references them sets generate: true. */
  private void applyGenerate(List<LoadedDocument> documents) {
    Map<IrDocument, Boolean> generate = new IdentityHashMap<>();
    for (IrDocument document : lowered.values()) {
      if (document instanceof IrCorrelation) {
        IrCorrelation correlation = (IrCorrelation) document;
        for (IrDocument referenced : correlation.rules()) {
          generate.merge(referenced, correlation.correlation().generate(), Boolean::logicalOr);
        }
      }
    }
    for (LoadedDocument document : documents) {
      IrDocument ir = lowered.get(document);
      Boolean emitted = ir == null ? null : generate.get(ir);
      if (emitted != null && !emitted) {
        lowered.put(document, ir instanceof IrRule ? ((IrRule) ir).withEmitted(false)
            : ((IrCorrelation) ir).withEmitted(false));
      }
    }
  }
}
