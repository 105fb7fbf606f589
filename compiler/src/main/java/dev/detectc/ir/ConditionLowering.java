package dev.detectc.ir;

import dev.detectc.condition.Condition;
import dev.detectc.rule.ConditionSource;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces the identifiers of a condition by their lowered searches, expanding {@code 1 of}
 * and {@code all of} over the matching names. Unknown names are reported at their column.
 */
final class ConditionLowering extends ConditionMapping {

  private final Map<String, Optional<IrExpr>> searches;
  private final ConditionSource source;
  private final Diagnostics diagnostics;
  private boolean failed;

  ConditionLowering(Map<String, Optional<IrExpr>> searches, ConditionSource source, Diagnostics diagnostics) {
    this.searches = searches;
    this.source = source;
    this.diagnostics = diagnostics;
  }

  /** The lowered condition, or empty when a name is unknown or a search had errors. */
  Optional<IrExpr> lower(Condition condition) {
    IrExpr result = condition.accept(this);
    return failed ? Optional.empty() : Optional.of(result);
  }

  @Override
  public IrExpr visitReference(Condition.Reference reference) {
    Optional<IrExpr> search = searches.get(reference.name());
    if (search == null) {
      diagnostics.error(DiagnosticCode.CONDITION_UNDEFINED, source.positionAt(reference.offset()),
          "the condition names '" + reference.name() + "', which the detection does not define");
      return fail();
    }
    return search.isPresent() ? search.get() : fail();
  }

  @Override
  public IrExpr visitQuantified(Condition.Quantified quantified) {
    List<String> names = searches.keySet().stream().filter(quantified::selects).toList();
    if (names.isEmpty()) {
      diagnostics.error(DiagnosticCode.CONDITION_NO_MATCH, source.positionAt(quantified.offset()),
          "'" + quantified.quantifier().keyword() + " of " + (quantified.isThem() ? "them" : quantified.pattern())
              + "' selects no search identifier");
      return fail();
    }
    List<IrExpr> terms = new ArrayList<>();
    for (String name : names) {
      Optional<IrExpr> search = searches.get(name);
      if (search.isEmpty()) {
        return fail();
      }
      terms.add(search.get());
    }
    return quantified.quantifier() == Condition.Quantifier.ALL ? IrExpr.and(terms) : IrExpr.or(terms);
  }

  private IrExpr fail() {
    failed = true;
    return new FieldExists("_");
  }
}
