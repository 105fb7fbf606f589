package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPL quoting, character by character: what each special character becomes, or why it is refused. */
class SplEscaperTest {

  private static Optional<String> search(MatchKind kind, String sigma) {
    return SplEscaper.searchValue(kind, Pattern.parse(sigma));
  }

  @Test
  void searchValuesDoubleBackslashesAndEscapeQuotes() {
    assertThat(search(MatchKind.EQUALS, "plain")).contains("\"plain\"");
    assertThat(search(MatchKind.EQUALS, "C:\\Windows")).contains("\"C:\\\\Windows\"");
    assertThat(search(MatchKind.EQUALS, "say \"hi\"")).contains("\"say \\\"hi\\\"\"");
    assertThat(search(MatchKind.EQUALS, "a\\\\")).contains("\"a\\\\\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"|", "[", "]", "(", ")", "=", "'", "%", "_", "$", "?", ",", " ", "#", "^", "!", "<", ">", "é", "\u200d"})
  void charactersWithoutMeaningInsideQuotesStayAsTheyAre(String character) {
    // ? is only special in Sigma: a literal ? (escaped in the rule) is an ordinary character in SPL.
    String sigma = character.equals("?") ? "a\\?b" : "a" + character + "b";
    assertThat(search(MatchKind.EQUALS, sigma)).contains("\"a" + character + "b\"");
  }

  @Test
  void wildcardsBecomeStarsByKind() {
    assertThat(search(MatchKind.CONTAINS, "x")).contains("\"*x*\"");
    assertThat(search(MatchKind.STARTS_WITH, "x")).contains("\"x*\"");
    assertThat(search(MatchKind.ENDS_WITH, "x")).contains("\"*x\"");
    assertThat(search(MatchKind.EQUALS, "a*b")).contains("\"a*b\"");
    assertThat(search(MatchKind.CONTAINS, "")).contains("\"*\"");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a\\*b|literal star: SPL cannot escape it",
      "a?b|one-character wildcard: SPL has none",
      "''|empty value: field=\"\" is unreliable"})
  void valuesASearchTermCannotHoldAreRefused(String sigma, String why) {
    assertThat(search(MatchKind.EQUALS, sigma)).as(why).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(chars = {'\n', '\r', '\t', '\0', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '`'})
  void controlCharactersAndBackticksNeverGoIntoASearchTerm(char c) {
    assertThat(SplEscaper.searchSafe("a" + c + "b")).isFalse();
    assertThat(search(MatchKind.EQUALS, "a" + c + "b")).isEmpty();
    assertThatThrownBy(() -> SplEscaper.evalString("a" + c + "b")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void evalStringsEscapeTheSameTwoCharacters() {
    assertThat(SplEscaper.evalString("a\\b\"c|d*e")).isEqualTo("\"a\\\\b\\\"c|d*e\"");
  }

  @Test
  void fieldNames() {
    assertThat(SplEscaper.searchField("id.orig_h")).contains("id.orig_h");
    assertThat(SplEscaper.searchField("_raw")).contains("_raw");
    assertThat(SplEscaper.searchField("field name")).isEmpty();
    assertThat(SplEscaper.searchField("@timestamp")).isEmpty();
    assertThat(SplEscaper.searchField("1st")).isEmpty();
    assertThat(SplEscaper.evalField("field name")).contains("'field name'");
    assertThat(SplEscaper.evalField("id.orig_h")).contains("'id.orig_h'");
    assertThat(SplEscaper.evalField("@timestamp")).contains("'@timestamp'");
    for (String bad : new String[] {"a'b", "a\"b", "a\\b", "a`b", "a|b", "a\nb", ""}) {
      assertThat(SplEscaper.evalField(bad)).as(bad).isEmpty();
    }
  }

  @Test
  void reservedWordsAreNotBareSearchFields() {
    for (String word : new String[] {"AND", "OR", "NOT", "IN", "by", "as", "and"}) {
      assertThat(SplEscaper.searchField(word)).as(word).isEmpty();
    }
  }
}
