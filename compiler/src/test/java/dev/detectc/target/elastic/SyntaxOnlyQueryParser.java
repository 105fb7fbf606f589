package dev.detectc.target.elastic;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.RegExp;

/**
 * Lucene's classic QueryParser with its grammar and escapes untouched, but building no automata:
 * regular expressions are only parsed by Lucene's RegExp (syntax, not determinization), so the
 * whole corpus can be checked quickly. Query construction is proven by the fixture engine.
 */
final class SyntaxOnlyQueryParser extends QueryParser {

  SyntaxOnlyQueryParser() {
    super("*", new KeywordAnalyzer());
    setAllowLeadingWildcard(true);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) throws ParseException {
    try {
      new RegExp(termStr);
    } catch (IllegalArgumentException e) {
      throw new ParseException("bad regular expression /" + termStr + "/: " + e.getMessage());
    }
    return new TermQuery(new Term(field, "/" + termStr + "/"));
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) {
    return new TermQuery(new Term(field, termStr));
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) {
    return new TermQuery(new Term(field, termStr + "*"));
  }
}
