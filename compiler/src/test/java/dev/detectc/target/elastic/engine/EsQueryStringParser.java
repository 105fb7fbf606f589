package dev.detectc.target.elastic.engine;

import java.util.List;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic QueryParser set up the way Elasticsearch's {@code query_string} extends it:
 * leading wildcards allowed, OR as the default operator, {@code default_field: *} (an unfielded
 * term searches every keyword field), {@code _exists_:field}, {@code field:>5}-style ranges,
 * {@code field:*} as an exists check, type-aware term queries (numbers, IP addresses and CIDR
 * networks) and the fix that makes a purely negative group match everything but its clauses.
 * The grammar, tokens and escapes are Lucene's own: anything it cannot parse fails here too.
 */
public final class EsQueryStringParser extends QueryParser {

  private static final String ALL_FIELDS = "*";
  private static final String EXISTS = "_exists_";

  private final EsQueries queries;

  public EsQueryStringParser(EsQueries queries) {
    super(ALL_FIELDS, new KeywordAnalyzer());
    this.queries = queries;
    setAllowLeadingWildcard(true);
    setDefaultOperator(Operator.OR);
  }

  /** Parses a whole query string; Elasticsearch fixes a top-level pure negation as well. */
  public Query parseQuery(String text) throws ParseException {
    return EsQueries.fixNegative(parse(text));
  }

  @Override
  protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
    if (EXISTS.equals(field)) {
      return queries.exists(text);
    }
    if (ALL_FIELDS.equals(field)) {
      return queries.allFields(each -> term(each, text, quoted));
    }
    return term(field, text, quoted);
  }

  private Query term(String field, String text, boolean quoted) {
    if (!quoted) {
      for (String op : List.of(">=", "<=", ">", "<")) {
        if (text.startsWith(op) && text.length() > op.length()) {
          String bound = text.substring(op.length());
          boolean inclusive = op.length() == 2;
          return op.startsWith(">") ? queries.range(field, bound, inclusive, null, true)
              : queries.range(field, null, true, bound, inclusive);
        }
      }
    }
    return queries.term(field, text, false);
  }

  @Override
  protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive) {
    return queries.range(field, "*".equals(part1) ? null : part1, startInclusive, "*".equals(part2) ? null : part2,
        endInclusive);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) {
    if ("*".equals(termStr) && !ALL_FIELDS.equals(field)) {
      return queries.exists(field);
    }
    if (ALL_FIELDS.equals(field)) {
      return queries.allFields(each -> queries.wildcard(each, termStr, false));
    }
    return queries.wildcard(field, termStr, false);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) {
    if (ALL_FIELDS.equals(field)) {
      return queries.allFields(each -> queries.prefix(each, termStr, false));
    }
    return queries.prefix(field, termStr, false);
  }

  @Override
  protected Query getRegexpQuery(String field, String termStr) {
    if (ALL_FIELDS.equals(field)) {
      return queries.allFields(each -> queries.regexp(each, termStr, false));
    }
    return queries.regexp(field, termStr, false);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
    throw new ParseException("fuzzy query '" + field + ":" + termStr + "~' is never emitted on purpose");
  }

  @Override
  protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    Query query = super.getBooleanQuery(clauses);
    return query == null ? null : EsQueries.fixNegative(query);
  }
}
