package dev.detectc.target.elastic.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.queryparser.classic.ParseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine itself, with hand-written queries over a handful of events: it must behave like
 * Elasticsearch on keyword, long and ip fields before it can stand in for it as proof.
 */
class FixtureEngineTest {

  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  static FixtureIndex index;

  @BeforeAll
  static void index() throws Exception {
    Map<String, JsonNode> events = new LinkedHashMap<>();
    events.put("1", JSON.readTree("{\"name\":\"AXFR\",\"ip\":\"10.20.0.53\",\"n\":252,\"path\":\"C:\\\\Windows\\\\cmd.exe\","
        + "\"user\":{\"arn\":\"arn:aws:iam::1:user/x\"},\"tags\":[\"a\",\"B\"],\"gone\":null}"));
    events.put("2", JSON.readTree("{\"name\":\"axfr\",\"ip\":\"2001:db8::7\",\"n\":\"251\",\"path\":\"c:\\\\windows\\\\CMD.EXE\",\"empty\":\"\"}"));
    events.put("3", JSON.readTree("{\"name\":\"A\",\"ip\":\"not an ip\",\"n\":\"many\",\"path\":\"/usr/bin/dig axfr\"}"));
    index = new FixtureIndex(new IndexMapping(Map.of("ip", IndexMapping.Type.IP, "n", IndexMapping.Type.LONG)), events);
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  static Set<String> query(String text) throws Exception {
    return index.search(new EsQueryStringParser(index.queries()).parseQuery(text));
  }

  static Set<String> dsl(String json) throws Exception {
    return index.search(new DslTranslator(index.queries()).translate(JSON.readTree(json)));
  }

  @Test
  void keywordFieldsAreExactAndCaseSensitive() throws Exception {
    assertThat(query("name:AXFR")).containsExactly("1");
    assertThat(query("name:/[Aa][Xx][Ff][Rr]/")).containsExactly("1", "2");
    assertThat(query("path:*cmd.exe")).containsExactly("1");
    assertThat(query("path:*dig\\ axfr")).containsExactly("3");
    assertThat(query("user.arn:arn\\:aws\\:iam\\:\\:1\\:user\\/x")).containsExactly("1");
    assertThat(query("tags:B")).containsExactly("1");
    assertThat(query("empty:\"\"")).containsExactly("2");
  }

  @Test
  void ipFieldsTakeAddressesAndNetworks() throws Exception {
    assertThat(query("ip:10.20.0.0\\/16")).containsExactly("1");
    assertThat(query("ip:2001\\:db8\\:\\:\\/32")).containsExactly("2");
    assertThat(query("ip:10.20.0.53")).containsExactly("1");
    assertThat(query("_exists_:ip")).containsExactly("1", "2");
  }

  @Test
  void longFieldsCompareNumbers() throws Exception {
    assertThat(query("n:252")).containsExactly("1");
    assertThat(query("n:>=251")).containsExactly("1", "2");
    assertThat(query("n:<252")).containsExactly("2");
    assertThat(query("n:[251 TO 252}")).containsExactly("2");
  }

  @Test
  void negationsExistsAndAllFields() throws Exception {
    assertThat(query("NOT name:AXFR")).containsExactly("2", "3");
    assertThat(query("name:A OR (NOT name:*)")).containsExactly("3");
    assertThat(query("name:axfr OR (NOT path:*exe)")).containsExactly("2", "3");
    assertThat(query("_exists_:gone")).isEmpty();
    assertThat(query("NOT _exists_:gone")).containsExactly("1", "2", "3");
    assertThat(query("*dig*")).containsExactly("3");
    assertThat(query("name:*")).containsExactly("1", "2", "3");
  }

  @Test
  void queryDslClausesKeepElasticsearchMeaning() throws Exception {
    assertThat(dsl("{\"query\":{\"term\":{\"name\":{\"value\":\"axfr\",\"case_insensitive\":true}}}}")).containsExactly("1", "2");
    assertThat(dsl("{\"wildcard\":{\"path\":{\"value\":\"*\\\\cmd.exe\",\"case_insensitive\":true}}}")).containsExactly("1", "2");
    assertThat(dsl("{\"prefix\":{\"path\":{\"value\":\"C:\",\"case_insensitive\":true}}}")).containsExactly("1", "2");
    assertThat(dsl("{\"bool\":{\"must_not\":[{\"term\":{\"ip\":{\"value\":\"10.0.0.0/8\"}}}]}}")).containsExactly("2", "3");
    assertThat(dsl("{\"bool\":{\"should\":[{\"range\":{\"n\":{\"gt\":251}}},{\"exists\":{\"field\":\"empty\"}}],"
        + "\"minimum_should_match\":1}}")).containsExactly("1", "2");
  }

  @Test
  void refusesWhatElasticsearchRefuses() {
    assertThatThrownBy(() -> query("ip:*10*")).hasMessageContaining("no wildcard query on the ip field");
    assertThatThrownBy(() -> query("n:abc")).hasMessageContaining("failed to parse [abc]");
    assertThatThrownBy(() -> query("name:(a")).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> dsl("{\"match\":{\"name\":\"x\"}}")).hasMessageContaining("unexpected clause");
  }
}
