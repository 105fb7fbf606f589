package dev.detectc.testing.spl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interpreter's reading of SPL, one behaviour at a time; the target's proofs rest on it. */
class SplInterpreterTest {

  private static Row event(long time, String json) {
    return JsonEvents.event(json, BigDecimal.valueOf(time), "t.ndjson", time);
  }

  private static List<Long> lines(String query, Row... events) {
    return SplInterpreter.run(query, List.of(events)).stream().map(Row::line).toList();
  }

  @Test
  void searchTermsAreCaseInsensitiveWholeValueWildcards() {
    Row a = event(1, "{\"f\": \"Hello World\"}");
    Row b = event(2, "{\"f\": \"hello\"}");
    assertThat(lines("f=\"hello\"", a, b)).containsExactly(2L);
    assertThat(lines("f=\"HELLO*\"", a, b)).containsExactly(2L, 1L);
    assertThat(lines("f=\"*o w*\"", a, b)).containsExactly(1L);
    assertThat(lines("f=*", a, b, event(3, "{\"g\": 1}"))).containsExactly(2L, 1L);
  }

  @Test
  void resultsComeNewestFirst() {
    assertThat(lines("f=*", event(1, "{\"f\": 1}"), event(3, "{\"f\": 1}"), event(2, "{\"f\": 1}")))
        .containsExactly(3L, 2L, 1L);
  }

  @Test
  void orBindsTighterThanAndInSearches() {
    Row onlyC = event(1, "{\"c\": \"3\"}");
    Row ab = event(2, "{\"a\": \"1\", \"b\": \"2\"}");
    // Splunk reads a b OR c as a AND (b OR c): the lone c event does not match.
    assertThat(lines("a=\"1\" b=\"2\" OR c=\"3\"", onlyC, ab)).containsExactly(2L);
    assertThat(lines("(a=\"1\" b=\"2\") OR c=\"3\"", onlyC, ab)).containsExactly(2L, 1L);
  }

  @Test
  void notOfATermHoldsWhenTheFieldIsAbsent() {
    assertThat(lines("NOT f=\"x\"", event(1, "{\"g\": \"x\"}"), event(2, "{\"f\": \"X\"}"))).containsExactly(1L);
  }

  @Test
  void quotedStringsUnescapeBackslashAndQuoteOnly() {
    Row path = event(1, "{\"f\": \"C:\\\\Windows\\\\a\\\"b\"}");
    assertThat(lines("f=\"C:\\\\Windows\\\\a\\\"b\"", path)).containsExactly(1L);
    assertThat(SplStrings.unquote("\"a\\d\\\\\"")).isEqualTo("a\\d\\");
  }

  @Test
  void multivalueFieldsMatchOnAnyValue() {
    Row answers = event(1, "{\"answers\": [\"a.example\", \"b.example\"]}");
    assertThat(lines("answers=\"b.*\"", answers)).containsExactly(1L);
    assertThat(lines("| multisearch [search answers=\"a*\"] [search answers=\"zz\"] | where isnotnull(mvfind('answers', \"^b\"))",
        answers)).containsExactly(1L);
  }

  @Test
  void keywordsSearchTheRawEvent() {
    assertThat(lines("\"*needle*\"", event(1, "{\"a\": \"haystack with NEEDLE\"}"), event(2, "{\"a\": \"hay\"}")))
        .containsExactly(1L);
    assertThatThrownBy(() -> lines("\"needle\"", event(1, "{}"))).isInstanceOf(UnmodelledException.class);
  }

  @Test
  void whereIsCaseSensitiveAndThreeValued() {
    Row upper = event(1, "{\"f\": \"ABC\"}");
    Row absent = event(2, "{\"g\": 1}");
    assertThat(lines("f=* OR g=* | where 'f'=\"abc\"", upper, absent)).isEmpty();
    assertThat(lines("f=* OR g=* | where 'f'=\"ABC\"", upper, absent)).containsExactly(1L);
    assertThat(lines("f=* OR g=* | where isnull('f') OR 'f'!=\"ABC\"", upper, absent)).containsExactly(2L);
    assertThat(lines("f=* OR g=* | where isnotnull('f') AND NOT 'f'=\"ABC\"", upper, absent)).isEmpty();
    assertThatThrownBy(() -> lines("f=* OR g=* | where NOT 'f'=\"ABC\"", upper, absent))
        .isInstanceOf(UnmodelledException.class).hasMessageContaining("NOT over a null");
  }

  @Test
  void numbersCompareAsNumbers() {
    assertThat(lines("f=* | where tonumber('f')>9", event(1, "{\"f\": \"10\"}"), event(2, "{\"f\": \"8.5\"}")))
        .containsExactly(1L);
  }

  @Test
  void cidrmatchCoversBothFamilies() {
    Row v4 = event(1, "{\"ip\": \"10.1.2.3\"}");
    Row v6 = event(2, "{\"ip\": \"2001:db8::7\"}");
    Row text = event(3, "{\"ip\": \"host\"}");
    assertThat(lines("ip=* | where cidrmatch(\"10.0.0.0/8\", 'ip')", v4, v6, text)).containsExactly(1L);
    assertThat(lines("ip=* | where cidrmatch(\"2001:db8::/32\", 'ip')", v4, v6, text)).containsExactly(2L);
  }

  @Test
  void mvfindIsASubstringRegexAndDottedFieldsNeedQuotes() {
    Row zeek = event(1, "{\"id.orig_h\": \"1.2.3.4\", \"q\": \"Line1\\nline2\"}");
    assertThat(lines("q=* | where isnotnull(mvfind('q', \"(?s)^Line1.line2\\\\z\"))", zeek)).containsExactly(1L);
    assertThatThrownBy(() -> lines("q=* | where isnotnull(id.orig_h)", zeek)).isInstanceOf(UnmodelledException.class);
  }

  @Test
  void streamstatsTimeWindowIsSlidingAndInclusive() {
    List<Row> events = new ArrayList<>();
    long[] times = {0, 100, 200, 300, 301, 700};
    for (long time : times) {
      events.add(event(time, "{\"src\": \"a\", \"q\": \"n" + time + "\"}"));
    }
    List<Row> rows = SplInterpreter.run(
        "src=* | sort 0 _time | streamstats time_window=5m dc(q) as value_count by src", events);
    assertThat(rows.stream().map(row -> row.text("value_count")).toList()).containsExactly("1", "2", "3", "4", "4", "1");
  }

  @Test
  void streamstatsNeedsTimeOrderAndCanExcludeTheCurrentRow() {
    List<Row> events = List.of(event(1, "{\"s\": \"a\"}"), event(2, "{\"s\": \"a\"}"));
    List<Row> rows = SplInterpreter.run("s=* | sort 0 _time | streamstats current=f count as before by s", events);
    assertThat(rows.stream().map(row -> row.text("before")).toList()).containsExactly(null, "1");
  }

  @Test
  void binAndStatsBucketByClock() {
    List<Row> events = List.of(event(290, "{\"s\": \"a\"}"), event(310, "{\"s\": \"a\"}"), event(320, "{\"s\": \"b\"}"));
    List<Row> rows = SplInterpreter.run("s=* | bin _time span=5m | stats count as event_count by _time s", events);
    assertThat(rows.stream().map(row -> row.text("_time") + "/" + row.text("s") + "/" + row.text("event_count")).toList())
        .containsExactly("0/a/1", "300/a/1", "300/b/1");
  }

  @Test
  void nearestRankPercentileIsSplunksDefault() {
    List<BigDecimal> values = List.of(1, 2, 3, 4).stream().map(BigDecimal::valueOf).toList();
    assertThat(Aggregation.nearestRank(values, BigDecimal.valueOf(50))).isEqualByComparingTo("2");
    assertThat(Aggregation.nearestRank(values, BigDecimal.valueOf(95))).isEqualByComparingTo("4");
  }

  @Test
  void syntaxOutsideTheSubsetIsRejected() {
    assertThatThrownBy(() -> SplParsing.parse("f=\"x\" | delete")).isInstanceOf(SplSyntaxException.class);
    assertThatThrownBy(() -> SplParsing.parse("f=\"x")).isInstanceOf(SplSyntaxException.class);
    assertThatThrownBy(() -> SplParsing.parse("f=\"a\nb\"")).isInstanceOf(SplSyntaxException.class);
    assertThatThrownBy(() -> SplParsing.parse("f=\"x\" | where ('a'=\"b\"")).isInstanceOf(SplSyntaxException.class);
  }
}
