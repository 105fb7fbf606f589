package dev.detectc.testing.spl;

import dev.detectc.testing.spl.grammar.SplQueryParser;
import dev.detectc.testing.spl.grammar.SplQueryParser.NotExprContext;
import dev.detectc.testing.spl.grammar.SplQueryParser.OrExprContext;
import dev.detectc.testing.spl.grammar.SplQueryParser.SearchExprContext;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Search-command semantics: {@code field="value"} holds when any value of the field matches the
 * wildcard pattern, case-insensitively; {@code field=*} when the field has a value; a bare
 * {@code "*text*"} when the raw event contains the text. {@code NOT} of a term also holds when
 * the field is absent. Search expressions are two-valued.
 */
final class SearchExpressions {

  private SearchExpressions() {}

  static boolean matches(SearchExprContext expr, Row row) {
    for (OrExprContext term : expr.orExpr()) {
      if (!matches(term, row)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(OrExprContext expr, Row row) {
    for (NotExprContext term : expr.notExpr()) {
      if (matches(term, row)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(NotExprContext expr, Row row) {
    if (expr instanceof SplQueryParser.SearchNotContext) {
      return !matches(((SplQueryParser.SearchNotContext) expr).notExpr(), row);
    }
    if (expr instanceof SplQueryParser.SearchGroupContext) {
      return matches(((SplQueryParser.SearchGroupContext) expr).searchExpr(), row);
    }
    if (expr instanceof SplQueryParser.SearchEqualsContext) {
      SplQueryParser.SearchEqualsContext term = (SplQueryParser.SearchEqualsContext) expr;
      Value value = row.get(term.fieldName().getText());
      SplQueryParser.SearchValueContext wanted = term.searchValue();
      if (wanted.STAR() != null) {
        return value != null;
      }
      String pattern = wanted.STRING() != null ? SplStrings.unquote(wanted.STRING().getText()) : wanted.NUMBER().getText();
      return anyMatches(value, pattern);
    }
    if (expr instanceof SplQueryParser.SearchInContext) {
      SplQueryParser.SearchInContext term = (SplQueryParser.SearchInContext) expr;
      Value value = row.get(term.fieldName().getText());
      return term.STRING().stream().anyMatch(token -> anyMatches(value, SplStrings.unquote(token.getText())));
    }
    if (expr instanceof SplQueryParser.SearchAllContext) {
      return true;
    }
    String keyword = SplStrings.unquote(((SplQueryParser.SearchKeywordContext) expr).STRING().getText());
    if (!keyword.startsWith("*") || !keyword.endsWith("*") || keyword.length() < 2) {
      // A bare term without outer wildcards matches indexed tokens, not text: not in the emitted subset.
      throw new UnmodelledException("a bare search term without leading and trailing '*': " + keyword);
    }
    return anyMatches(row.get("_raw"), keyword);
  }

  private static boolean anyMatches(Value value, String pattern) {
    Pattern compiled = SplStrings.wildcard(SplStrings.fold(pattern));
    List<String> texts = Value.texts(value);
    return texts.stream().anyMatch(text -> compiled.matcher(SplStrings.fold(text)).matches());
  }
}
