package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** KQL string literals and identifiers, character by character (the parser-backed proof is KqlInjectionPropertyTest). */
class KqlEscaperTest {

  private final KqlEscaper escaper = new KqlEscaper(Set.of("title", "where"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "plain        | \"plain\"",
      "say \"hi\"   | \"say \\\"hi\\\"\"",
      "it's         | \"it's\"",
      "C:\\x.exe    | @\"C:\\x.exe\"",
      "a\\\"b       | \"a\\\\\\\"b\"",
      "*?           | \"*?\""})
  void stringsAreQuotedAndEscaped(String value, String expected) {
    assertThat(escaper.string(value.strip())).isEqualTo(expected.strip());
  }

  @Test
  void controlsAndSeparatorsBecomeEscapes() {
    assertThat(escaper.string("a\nb\rc\td")).isEqualTo("\"a\\nb\\rc\\td\"");
    assertThat(escaper.string("\u0000\u0007\u001b\u007f")).isEqualTo("\"\\u0000\\u0007\\u001b\\u007f\"");
    assertThat(escaper.string("\u0085\u2028\u2029\ufeff")).isEqualTo("\"\\u0085\\u2028\\u2029\\ufeff\"");
    assertThat(escaper.string("lone \ud800 surrogate")).isEqualTo("\"lone \\ud800 surrogate\"");
    assertThat(escaper.string("C:\\a\nb")).as("no verbatim string with a control").isEqualTo("\"C:\\\\a\\nb\"");
  }

  @Test
  void nonBmpCharactersStayAsThemselves() {
    assertThat(escaper.string("😀 é")).isEqualTo("\"😀 é\"");
  }

  @Test
  void identifiersAreBareBracketedOrPaths() {
    assertThat(escaper.identifier("CommandLine")).isEqualTo("CommandLine");
    assertThat(escaper.identifier("title")).isEqualTo("['title']");
    assertThat(escaper.identifier("True")).isEqualTo("['True']");
    assertThat(escaper.identifier("cs-uri-query")).isEqualTo("['cs-uri-query']");
    assertThat(escaper.identifier("dns.question.name")).isEqualTo("dns.question.name");
    assertThat(escaper.identifier("a.where.b-c")).isEqualTo("a['where']['b-c']");
    assertThat(escaper.identifier("a..b")).isEqualTo("['a..b']");
    assertThat(escaper.identifier("it's")).isEqualTo("['it\\'s']");
    assertThat(escaper.identifier("1st")).isEqualTo("['1st']");
  }
}
