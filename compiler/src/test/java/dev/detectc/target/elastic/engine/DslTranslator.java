package dev.detectc.target.elastic.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Translates the Query DSL subset the {@code dsl} target emits into Lucene queries, with the
 * semantics Elasticsearch gives each clause: {@code bool} (filter, must, should with
 * {@code minimum_should_match}, must_not; a bool of only must_not matches everything else),
 * {@code term}, {@code terms}, {@code prefix}, {@code wildcard}, {@code regexp} (each with
 * {@code case_insensitive}), {@code exists}, {@code range}, {@code query_string},
 * {@code match_all} and {@code match_none}. Anything else is an error, so the target cannot
 * drift into clauses this proof does not understand.
 */
public final class DslTranslator {

  private final EsQueries queries;

  public DslTranslator(EsQueries queries) {
    this.queries = queries;
  }

  /** A search body ({@code {"query": ...}}) or a bare query clause. */
  public Query translate(JsonNode body) throws ParseException {
    return clause(body.has("query") && body.size() == 1 ? body.get("query") : body);
  }

  private Query clause(JsonNode node) throws ParseException {
    if (!node.isObject() || node.size() != 1) {
      throw new IllegalArgumentException("a query clause is an object with one key: " + node);
    }
    Map.Entry<String, JsonNode> entry = node.fields().next();
    JsonNode body = entry.getValue();
    switch (entry.getKey()) {
      case "bool":
        return bool(body);
      case "term":
        return leaf(body, (field, params) -> queries.term(field, params.get("value").asText(), insensitive(params)));
      case "terms":
        return leaf(body, (field, values) -> {
          BooleanQuery.Builder any = new BooleanQuery.Builder();
          values.forEach(value -> any.add(queries.term(field, value.asText(), false), BooleanClause.Occur.SHOULD));
          return any.build();
        });
      case "prefix":
        return leaf(body, (field, params) -> queries.prefix(field, params.get("value").asText(), insensitive(params)));
      case "wildcard":
        return leaf(body, (field, params) -> queries.wildcard(field, params.get("value").asText(), insensitive(params)));
      case "regexp":
        return leaf(body, (field, params) -> queries.regexp(field, params.get("value").asText(), insensitive(params)));
      case "exists":
        return queries.exists(body.get("field").asText());
      case "range":
        return leaf(body, (field, params) -> queries.range(field, bound(params, "gt", "gte"), params.has("gte"),
            bound(params, "lt", "lte"), params.has("lte")));
      case "query_string":
        if (!"*".equals(body.path("default_field").asText("*"))) {
          throw new IllegalArgumentException("only default_field * is emitted: " + body);
        }
        return new EsQueryStringParser(queries).parseQuery(body.get("query").asText());
      case "match_all":
        return new MatchAllDocsQuery();
      case "match_none":
        return new MatchNoDocsQuery();
      default:
        throw new IllegalArgumentException("the dsl target emitted an unexpected clause: " + entry.getKey());
    }
  }

  private Query bool(JsonNode body) throws ParseException {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    boolean positive = false;
    Iterator<Map.Entry<String, JsonNode>> parts = body.fields();
    while (parts.hasNext()) {
      Map.Entry<String, JsonNode> part = parts.next();
      BooleanClause.Occur occur;
      switch (part.getKey()) {
        case "filter":
        case "must":
          occur = BooleanClause.Occur.FILTER;
          break;
        case "should":
          occur = BooleanClause.Occur.SHOULD;
          break;
        case "must_not":
          occur = BooleanClause.Occur.MUST_NOT;
          break;
        case "minimum_should_match":
          builder.setMinimumNumberShouldMatch(part.getValue().asInt());
          continue;
        default:
          throw new IllegalArgumentException("unexpected bool part " + part.getKey());
      }
      positive |= occur != BooleanClause.Occur.MUST_NOT;
      for (JsonNode child : part.getValue().isArray() ? part.getValue() : java.util.List.of(part.getValue())) {
        builder.add(clause(child), occur);
      }
    }
    if (!positive) {
      builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    }
    return builder.build();
  }

  private interface Leaf {
    Query build(String field, JsonNode params);
  }

  private static Query leaf(JsonNode body, Leaf leaf) {
    if (body.size() != 1) {
      throw new IllegalArgumentException("a field clause names one field: " + body);
    }
    Map.Entry<String, JsonNode> field = body.fields().next();
    JsonNode params = field.getValue();
    if (params.isValueNode()) {
      // The short form {"term": {"f": "v"}} is {"term": {"f": {"value": "v"}}}.
      params = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("value", params);
    }
    return leaf.build(field.getKey(), params);
  }

  private static boolean insensitive(JsonNode params) {
    return params.path("case_insensitive").asBoolean(false);
  }

  private static String bound(JsonNode params, String exclusive, String inclusive) {
    JsonNode value = params.has(inclusive) ? params.get(inclusive) : params.get(exclusive);
    return value == null ? null : value.asText();
  }
}
