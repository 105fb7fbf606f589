package dev.detectc.target.elastic.engine;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;

/**
 * Builds Lucene queries the way Elasticsearch's field types do, for the query-string parser and
 * the Query DSL translator alike: terms on keyword fields are exact; terms on ip fields take an
 * address or a CIDR network; long fields compare numerically; {@code case_insensitive} turns each
 * code point into itself or its other case ({@code Character.toLowerCase}/{@code toUpperCase}),
 * which is how Elasticsearch builds its case-insensitive automata.
 */
public final class EsQueries {

  /** The field the index records present field names in, as Elasticsearch's {@code _field_names}. */
  public static final String FIELD_NAMES = "_field_names";

  private final IndexMapping mapping;
  private final Set<String> keywordFields;

  public EsQueries(IndexMapping mapping, Set<String> keywordFields) {
    this.mapping = mapping;
    this.keywordFields = Set.copyOf(keywordFields);
  }

  public IndexMapping mapping() {
    return mapping;
  }

  /** The keyword fields an unfielded (all-fields) query string term searches. */
  public Set<String> keywordFields() {
    return keywordFields;
  }

  public Query exists(String field) {
    return new TermQuery(new Term(FIELD_NAMES, field));
  }

  public Query term(String field, String value, boolean caseInsensitive) {
    switch (mapping.type(field)) {
      case IP:
        return ipTerm(field, value);
      case LONG:
        return LongPoint.newExactQuery(field, longValue(field, value));
      default:
        if (caseInsensitive) {
          return new AutomatonQuery(new Term(field, value), caseInsensitive(value));
        }
        return new TermQuery(new Term(field, value));
    }
  }

  /** {@code gt/gte/lt/lte}; a null bound is open. */
  public Query range(String field, String lower, boolean includeLower, String upper, boolean includeUpper) {
    switch (mapping.type(field)) {
      case LONG:
        long low = lower == null ? Long.MIN_VALUE : Math.addExact(longValue(field, lower), includeLower ? 0 : 1);
        long high = upper == null ? Long.MAX_VALUE : Math.subtractExact(longValue(field, upper), includeUpper ? 0 : 1);
        return LongPoint.newRangeQuery(field, low, high);
      case IP:
        throw new IllegalArgumentException("range on ip field " + field + " is not used by any target");
      default:
        return TermRangeQuery.newStringRange(field, lower, upper, includeLower, includeUpper);
    }
  }

  /** A Lucene wildcard pattern ({@code *}, {@code ?}, {@code \} escapes), keyword fields only. */
  public Query wildcard(String field, String pattern, boolean caseInsensitive) {
    requireKeyword(field, "wildcard");
    Term term = new Term(field, pattern);
    if (!caseInsensitive) {
      return new WildcardQuery(term);
    }
    return new AutomatonQuery(term, caseInsensitiveWildcard(pattern));
  }

  public Query prefix(String field, String prefix, boolean caseInsensitive) {
    requireKeyword(field, "prefix");
    if (!caseInsensitive) {
      return new PrefixQuery(new Term(field, prefix));
    }
    Automaton automaton = Operations.concatenate(caseInsensitive(prefix), Automata.makeAnyString());
    return new AutomatonQuery(new Term(field, prefix), automaton);
  }

  /** A Lucene regular expression with every syntax flag, as Elasticsearch's regexp query and query string parse it. */
  public Query regexp(String field, String regex, boolean asciiCaseInsensitive) {
    requireKeyword(field, "regexp");
    return new RegexpQuery(new Term(field, regex), RegExp.ALL, asciiCaseInsensitive ? RegExp.ASCII_CASE_INSENSITIVE : 0,
        RegexpQuery.DEFAULT_PROVIDER, 100_000, org.apache.lucene.search.MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
  }

  /** The same query over every keyword field: what an unfielded term does with {@code default_field: *}. */
  public Query allFields(java.util.function.Function<String, Query> perField) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    keywordFields.stream().sorted().forEach(field -> any.add(perField.apply(field), BooleanClause.Occur.SHOULD));
    return keywordFields.isEmpty() ? new MatchNoDocsQuery() : any.build();
  }

  /**
   * Elasticsearch's fix for pure negative boolean queries: a query of only MUST_NOT clauses
   * would match nothing in Lucene, so everything is added as a filter.
   */
  public static Query fixNegative(Query query) {
    if (!(query instanceof BooleanQuery)) {
      return query;
    }
    BooleanQuery bool = (BooleanQuery) query;
    if (bool.clauses().isEmpty() || !bool.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
      return query;
    }
    BooleanQuery.Builder fixed = new BooleanQuery.Builder();
    bool.clauses().forEach(fixed::add);
    fixed.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    return fixed.build();
  }

  private void requireKeyword(String field, String kind) {
    if (mapping.type(field) != IndexMapping.Type.KEYWORD) {
      throw new IllegalArgumentException("Elasticsearch runs no " + kind + " query on the "
          + mapping.type(field).name().toLowerCase(java.util.Locale.ROOT) + " field " + field);
    }
  }

  private static Query ipTerm(String field, String value) {
    int slash = value.indexOf('/');
    InetAddress address = address(slash < 0 ? value : value.substring(0, slash));
    if (slash < 0) {
      return InetAddressPoint.newExactQuery(field, address);
    }
    return InetAddressPoint.newPrefixQuery(field, address, Integer.parseInt(value.substring(slash + 1)));
  }

  /** An IP literal (never a host name: nothing is looked up), or null. */
  public static InetAddress address(String text) {
    if (!text.matches("[0-9.]+") && !text.matches("[0-9A-Fa-f:.]+") || !text.matches(".*[.:].*")) {
      return null;
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static long longValue(String field, String text) {
    try {
      return new BigDecimal(text).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("failed to parse [" + text + "] for long field " + field);
    }
  }

  private static Automaton caseInsensitiveWildcard(String pattern) {
    List<Automaton> parts = new ArrayList<>();
    for (int i = 0; i < pattern.length(); ) {
      int cp = pattern.codePointAt(i);
      int length = Character.charCount(cp);
      if (cp == '*') {
        parts.add(Automata.makeAnyString());
      } else if (cp == '?') {
        parts.add(Automata.makeAnyChar());
      } else {
        if (cp == '\\' && i + 1 < pattern.length()) {
          cp = pattern.codePointAt(i + 1);
          length += Character.charCount(cp);
        }
        parts.add(caseInsensitiveChar(cp));
      }
      i += length;
    }
    return parts.isEmpty() ? Automata.makeEmptyString() : Operations.concatenate(parts);
  }

  private static Automaton caseInsensitive(String text) {
    List<Automaton> parts = new ArrayList<>();
    text.codePoints().forEach(cp -> parts.add(caseInsensitiveChar(cp)));
    return parts.isEmpty() ? Automata.makeEmptyString() : Operations.concatenate(parts);
  }

  private static Automaton caseInsensitiveChar(int cp) {
    int other = Character.isLowerCase(cp) ? Character.toUpperCase(cp) : Character.toLowerCase(cp);
    Automaton same = Automata.makeChar(cp);
    return other == cp ? same : Operations.union(List.of(same, Automata.makeChar(other)));
  }
}
