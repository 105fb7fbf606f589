package dev.detectc.target.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import dev.detectc.ir.RegexFlag;
import dev.detectc.ir.RegexMatch;
import java.util.EnumSet;
import java.util.Set;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Sigma-to-Lucene regex translation: exact output for typical rules, and what is refused. */
class LuceneRegexTest {

  static String translate(String regex, RegexFlag... flags) {
    Set<RegexFlag> set = flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags);
    return LuceneRegex.of(new RegexMatch("f", regex, set));
  }

  /** True when Lucene's own RegExp engine (all syntax flags, as Elasticsearch parses) accepts the value. */
  static boolean lucene(String luceneRegex, String value) {
    RegExp regExp = new RegExp(luceneRegex);
    return new CharacterRunAutomaton(Operations.determinize(regExp.toAutomaton(), 100_000)).run(value);
  }

  @Test
  void translatesTypicalExpressions() {
    assertThat(translate("foo.*bar")).isEqualTo(".*foo[^\n]*bar.*");
    assertThat(translate("^foo")).isEqualTo("foo.*");
    assertThat(translate("bar$")).isEqualTo(".*bar");
    assertThat(translate("^a|b$")).isEqualTo("(a.*|.*b)");
    assertThat(translate("\\d{2,4}")).isEqualTo(".*[0-9]{2,4}.*");
    assertThat(translate("a\\.b\\\\c")).isEqualTo(".*a\\.b\\\\c.*");
    assertThat(translate("[^a-z]+")).isEqualTo(".*[^a-z]+.*");
    assertThat(translate("(?:ab|cd)+?x")).isEqualTo(".*(ab|cd)+x.*");
    assertThat(translate("\\Aexact\\z")).isEqualTo("exact");
    assertThat(translate("a/b")).isEqualTo(".*a\\/b.*");
    assertThat(translate("x{3}")).isEqualTo(".*x{3}.*");
    assertThat(translate("")).isEqualTo(".*.*");
    assertThat(translate("^$")).isEqualTo("()");
  }

  @Test
  void flagsBecomeSyntax() {
    assertThat(translate("ab", RegexFlag.IGNORECASE)).isEqualTo(".*[Aa][Bb].*");
    assertThat(translate("(?i)k")).isEqualTo(".*[Kk\u212A].*");
    assertThat(translate("a.b", RegexFlag.DOTALL)).isEqualTo(".*a.b.*");
    assertThat(translate("^a$", RegexFlag.MULTILINE)).isEqualTo("(.*\n)?a(\n.*)?");
    assertThat(translate("a(?i:b)c")).isEqualTo(".*a[Bb]c.*");
  }

  @Test
  void noLetterIsEverEscaped() {
    // Lucene 9 reads \d, \s, \w as classes and rejects other escaped letters; older Lucene reads \d as 'd'.
    String out = translate("\\w\\s\\D\\t\\x41\\u0042(?i)\\n");
    assertThat(out).doesNotContainPattern("\\\\[A-Za-z0-9]");
    assertThat(lucene(out, "_ x\tAB\n")).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "=>", value = {
      "a(?=b)       => lookaround",
      "(a)\\1       => backreference",
      "\\bword\\b   => word boundary",
      "a++          => possessive",
      "(?>a)        => atomic group",
      "\\p{L}       => Unicode property",
      "a^b          => anchor",
      "(^a|b)c      => anchor",
      "[a[b]]       => nested character class",
      "[a&&b]       => intersection",
      "(?x)a        => inline flag 'x'"})
  void refusesWhatLuceneCannotSay(String regex, String reason) {
    assertThatThrownBy(() -> translate(regex)).isInstanceOf(Unexpressible.class)
        .hasMessageContaining(reason).hasMessageContaining(regex);
  }

  @Test
  void caseInsensitiveStringsBecomeClasses() {
    assertThat(LuceneRegex.caseInsensitive(MatchKind.ENDS_WITH, Pattern.parse("\\cmd.exe")))
        .isEqualTo(".*\\\\[Cc][Mm][Dd]\\.[Ee][Xx][Ee]");
    assertThat(LuceneRegex.caseInsensitive(MatchKind.CONTAINS, Pattern.parse("a*b?")))
        .isEqualTo(".*[Aa].*[Bb]..*");
    assertThat(lucene(LuceneRegex.caseInsensitive(MatchKind.EQUALS, Pattern.parse("AxFr")), "axfr")).isTrue();
  }

  @Test
  void everyOutputIsValidLuceneSyntax() {
    for (String regex : new String[] {"[\\]\\-^]", "[]a]", "\\Q*+?\\E", "a{0,}", "[\\x00-\\x{10FFFF}]", "#@&<>~\""}) {
      String out = translate(regex);
      new RegExp(out);
      assertThat(out).as(regex).isNotEmpty();
    }
  }
}
