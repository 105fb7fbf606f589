package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import dev.detectc.ir.RegexFlag;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PCRE built from Sigma patterns and rule regexes: literal characters, wildcards, flags and refusals. */
class SplRegexTest {

  @Test
  void sigmaPatternsAreAnchoredAndWildcardsSpanNewlines() {
    assertThat(SplRegex.pattern(MatchKind.EQUALS, Pattern.parse("a?b"), false)).isEqualTo("(?is)^a.b\\z");
    assertThat(SplRegex.pattern(MatchKind.CONTAINS, Pattern.parse("a*b"), true)).isEqualTo("(?s)a.*b");
    assertThat(SplRegex.pattern(MatchKind.STARTS_WITH, Pattern.parse("x"), false)).isEqualTo("(?is)^x");
    assertThat(SplRegex.pattern(MatchKind.ENDS_WITH, Pattern.parse("x"), false)).isEqualTo("(?is)x\\z");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "\\*|\\*", "\\?|\\?", "\\\\|\\\\", ".|\\.", "^|\\^", "$|\\$", "+|\\+", "(|\\(", ")|\\)", "[|\\[", "]|\\]",
      "{|\\{", "}|\\}", "~|~|~\\|~", "-|-", "\"|\"", "'|'", "%|%", "_|_", "é|é"})
  void literalCharactersAreEscapedForPcre(String sigma, String regex) {
    assertThat(SplRegex.pattern(MatchKind.EQUALS, Pattern.parse(sigma), true)).isEqualTo("(?s)^" + regex + "\\z");
  }

  @Test
  void controlCharactersAndBackticksAreSpelledAsEscapes() {
    assertThat(SplRegex.pattern(MatchKind.EQUALS, Pattern.literal("a\nb\tc`d\u0000\u2028"), true))
        .isEqualTo("(?s)^a\\x0ab\\x09c\\x60d\\x00\\x{2028}\\z");
  }

  @Test
  void ruleRegexesKeepTheirSyntaxAndGainFlags() {
    assertThat(user("foo.*bar", EnumSet.noneOf(RegexFlag.class))).contains("foo.*bar");
    assertThat(user("foo", EnumSet.of(RegexFlag.IGNORECASE, RegexFlag.DOTALL))).contains("(?is)foo");
    assertThat(user("a\\\\b\\.c", Set.of())).contains("a\\\\b\\.c");
  }

  @Test
  void rawControlCharactersInRuleRegexesAreSpelled() {
    assertThat(user("a\tb", Set.of())).contains("a\\x09b");
    assertThat(user("a\\\nb", Set.of())).contains("a\\x0ab");
    assertThat(user("a`b", Set.of())).contains("a\\x60b");
    assertThat(user("\\Qa`b\\E", Set.of())).contains("\\Qa\\E\\x60\\Qb\\E");
    assertThat(user("\\u0041", Set.of())).contains("\\x{0041}");
  }

  @Test
  void javaOnlySyntaxIsRefusedWithAReason() {
    String[] problem = new String[1];
    assertThat(SplRegex.userRegex("[a-z&&[^e]]", Set.of(), problem)).isEmpty();
    assertThat(problem[0]).contains("intersection");
    assertThat(SplRegex.userRegex("\\p{javaLowerCase}", Set.of(), problem)).isEmpty();
    assertThat(problem[0]).contains("javaLowerCase");
    assertThat(SplRegex.userRegex("\\N{LATIN SMALL LETTER A}", Set.of(), problem)).isEmpty();
    assertThat(SplRegex.userRegex("(?x)a\nb", Set.of(), problem)).isEmpty();
    assertThat(SplRegex.userRegex("a&&b", Set.of(), problem)).isPresent();
  }

  @Test
  void onlyARealFlagGroupTurnsOnExtendedMode() {
    // Found by SplInjectionPropertyTest (seed 3793355976905262123): a quoted value holding
    // "(?x" and a newline was refused as an extended-mode expression.
    assertThat(user("\\Q(?x\\*\"\"\n\\E", Set.of())).isPresent();
    assertThat(user("\\(?x\nb", Set.of())).isPresent();
    assertThat(user("[(?x]\nb", Set.of())).isPresent();
    assertThat(user("(?-x)a\nb", Set.of())).isPresent();
    assertThat(user("(?ix:a)\nb", Set.of())).isEmpty();
    assertThat(user("(?x)a\\Q\n\\E", Set.of())).isEmpty();
    assertThat(SplRegex.turnsOnExtendedMode("a(?x)b")).isTrue();
    assertThat(SplRegex.turnsOnExtendedMode("\\Q(?x\\E")).isFalse();
  }

  private static Optional<String> user(String regex, Set<RegexFlag> flags) {
    return SplRegex.userRegex(regex, flags, new String[1]);
  }
}
