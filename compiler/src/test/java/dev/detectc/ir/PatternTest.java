package dev.detectc.ir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wildcard and escape rules of the Sigma specification, with its published test vectors. */
class PatternTest {

  private static final PatternPart ANY = PatternPart.ANY;
  private static final PatternPart ONE = PatternPart.ONE;

  private static PatternPart lit(String text) {
    return PatternPart.literal(text);
  }

  @Test
  void specificationVectors() {
    assertThat(Pattern.parse("wild*cards?contained").parts())
        .containsExactly(lit("wild"), ANY, lit("cards"), ONE, lit("contained"));
    assertThat(Pattern.parse("escaped\\*\\?\\\\*?").parts()).containsExactly(lit("escaped*?\\"), ANY, ONE);
    assertThat(Pattern.parse("escaped\\nonspecial").parts()).containsExactly(lit("escaped\\nonspecial"));
    assertThat(Pattern.parse("finalescape\\").parts()).containsExactly(lit("finalescape\\"));
  }

  @Test
  void backslashRunsFollowTheSpecification() {
    // \\* is a literal backslash then a wildcard; \\\* a backslash and a literal star.
    assertThat(Pattern.parse("a\\\\*").parts()).containsExactly(lit("a\\"), ANY);
    assertThat(Pattern.parse("a\\\\\\*").parts()).containsExactly(lit("a\\*"));
    // Three or four backslashes both give a literal double backslash.
    assertThat(Pattern.parse("a\\\\\\b").parts()).containsExactly(lit("a\\\\b"));
    assertThat(Pattern.parse("a\\\\\\\\b").parts()).containsExactly(lit("a\\\\b"));
    assertThat(Pattern.parse("C:\\Windows\\System32").parts()).containsExactly(lit("C:\\Windows\\System32"));
  }

  @Test
  void runsOfStarsCollapse() {
    assertThat(Pattern.parse("a**b").parts()).containsExactly(lit("a"), ANY, lit("b"));
    assertThat(Pattern.parse("").parts()).isEmpty();
    assertThat(Pattern.parse("").isPlain()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "wild*cards?contained", "escaped\\*\\?\\\\*?", "escaped\\nonspecial", "finalescape\\", "a\\\\\\*",
      "\\\\\\\\", "plain", "*", "?x?", "trailing\\\\*", "C:\\Windows\\*\\evil.exe"})
  void printingAndParsingRoundTrip(String value) {
    Pattern parsed = Pattern.parse(value);
    assertThat(Pattern.parse(parsed.toSigma())).isEqualTo(parsed);
  }

  @Test
  void stringMatchMovesOuterWildcardsIntoTheKind() {
    assertThat(StringMatch.of("f", Pattern.parse("*x*"), false))
        .isEqualTo(new StringMatch("f", MatchKind.CONTAINS, Pattern.literal("x"), false));
    assertThat(StringMatch.of("f", Pattern.parse("x*"), false).kind()).isEqualTo(MatchKind.STARTS_WITH);
    assertThat(StringMatch.of("f", Pattern.parse("*x"), false).kind()).isEqualTo(MatchKind.ENDS_WITH);
    assertThat(StringMatch.of("f", Pattern.parse("x\\*"), false))
        .isEqualTo(new StringMatch("f", MatchKind.EQUALS, Pattern.literal("x*"), false));
    StringMatch inner = StringMatch.of("f", Pattern.parse("*a*b*"), true);
    assertThat(inner.kind()).isEqualTo(MatchKind.CONTAINS);
    assertThat(inner.pattern().parts()).isEqualTo(List.of(lit("a"), ANY, lit("b")));
    assertThat(StringMatch.of("f", Pattern.parse("*"), false))
        .isEqualTo(new StringMatch("f", MatchKind.CONTAINS, Pattern.literal(""), false));
  }
}
