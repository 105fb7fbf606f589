package dev.detectc.target.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.ir.Pattern;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Query-string escaping, character by character, checked with Lucene's classic QueryParser. */
class LuceneQueryTextTest {

  static Query parse(String query) throws ParseException {
    QueryParser parser = new QueryParser("*", new KeywordAnalyzer());
    parser.setAllowLeadingWildcard(true);
    return parser.parse(query);
  }

  @Test
  void everyAsciiCharacterSurvivesAsATerm() throws ParseException {
    for (char c = 0; c < 0x80; c++) {
      for (String value : new String[] {"a" + c + "b", String.valueOf(c), c + "x", "x" + c}) {
        Query query = parse("f:" + LuceneQueryText.term(value));
        assertThat(query).as("char %d in '%s'", (int) c, value).isInstanceOf(TermQuery.class);
        assertThat(((TermQuery) query).getTerm()).as("char %d", (int) c).isEqualTo(new Term("f", value));
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", value = {
      "a b => a\\ b", "a:b => a\\:b", "C:\\x => C\\:\\\\x", "(x) => \\(x\\)", "a/b => a\\/b", "-1 => \\-1",
      "AND => \\AND", "OR => \\OR", "NOT => \\NOT", "ANDROID => ANDROID", "and => and", "x&&y => x\\&\\&y",
      "é => é", "a*? => a\\*\\?"})
  void escapesWhatTheGrammarReserves(String value, String expected) {
    assertThat(LuceneQueryText.term(value)).isEqualTo(expected);
  }

  @Test
  void emptyValueIsQuoted() throws ParseException {
    assertThat(LuceneQueryText.term("")).isEqualTo("\"\"");
    assertThat(((TermQuery) parse("f:" + LuceneQueryText.term(""))).getTerm().text()).isEmpty();
  }

  @Test
  void wildcardsStayWildAndLiteralsStayLiteral() throws ParseException {
    Pattern pattern = Pattern.parse("*C:\\Win dows\\*\\evil?.exe*");
    String text = LuceneQueryText.wildcard(pattern);
    assertThat(text).isEqualTo("*C\\:\\\\Win\\ dows\\*\\\\evil?.exe*");
    Query query = parse("f:" + text);
    assertThat(query).isInstanceOf(WildcardQuery.class);
    CharacterRunAutomaton automaton = new CharacterRunAutomaton(((WildcardQuery) query).getAutomaton());
    assertThat(automaton.run("xC:\\Win dows*\\evil1.exe")).isTrue();
    assertThat(automaton.run("xC:\\Win dowsX\\evil1.exe")).isFalse();
    assertThat(automaton.run("xC:\\Win dows*\\evil.exe")).isFalse();
  }

  @Test
  void fieldNamesAreEscaped() throws ParseException {
    assertThat(LuceneQueryText.field("winlog.event_data.Some Field")).isEqualTo("winlog.event_data.Some\\ Field");
    Query query = parse(LuceneQueryText.field("a b:c") + ":x");
    assertThat(((TermQuery) query).getTerm().field()).isEqualTo("a b:c");
  }

  @Test
  void regexEndingInABackslashStillCloses() throws ParseException {
    String written = LuceneQueryText.regex(".*\\\\");
    Query query = parse("f:" + written + " AND g:x");
    RegexpQuery regexp = (RegexpQuery) ((org.apache.lucene.search.BooleanQuery) query).clauses().get(0).getQuery();
    CharacterRunAutomaton automaton = new CharacterRunAutomaton(Operations.determinize(
        new org.apache.lucene.util.automaton.RegExp(regexp.getRegexp().text()).toAutomaton(), 10_000));
    assertThat(automaton.run("C:\\")).isTrue();
    assertThat(automaton.run("C:")).isFalse();
  }
}
