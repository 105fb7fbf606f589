package dev.detectc.target;

import dev.detectc.ir.And;
import dev.detectc.ir.IrExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A rule's condition split for SPL at its top-level AND: each conjunct that search terms can
 * express exactly goes into the search, the others into one where clause. Both halves are
 * AND-ed by the pipeline, so the split never changes the meaning.
 */
record SplCondition(List<SplText> search, Optional<SplText> where) {

  SplCondition {
    search = List.copyOf(search);
  }

  static SplCondition split(IrExpr condition, SplTemplates templates, UnaryOperator<String> fields) {
    SplSearchTerms terms = new SplSearchTerms(templates, fields);
    SplEvalExpression eval = new SplEvalExpression(templates, fields);
    List<IrExpr> conjuncts = condition instanceof And ? ((And) condition).terms() : List.of(condition);
    List<SplText> search = new ArrayList<>();
    List<SplText> where = new ArrayList<>();
    for (IrExpr conjunct : conjuncts) {
      Optional<SplText> text = terms.render(conjunct);
      if (text.isPresent()) {
        search.add(text.get());
      } else {
        where.add(eval.render(conjunct));
      }
    }
    return new SplCondition(search, where.isEmpty() ? Optional.empty() : Optional.of(templates.join("and", where, true)));
  }

  /** The search text after {@code source} (a profile's index/sourcetype terms, or empty); {@code *} when there is nothing to search for. */
  String searchText(String source, SplTemplates templates) {
    List<SplText> all = new ArrayList<>();
    if (!source.isEmpty()) {
      all.add(source.contains(" OR ") ? SplText.compound(source) : SplText.atom(source));
    }
    all.addAll(search);
    return all.isEmpty() ? "*" : templates.join("and", all, false).text();
  }
}
