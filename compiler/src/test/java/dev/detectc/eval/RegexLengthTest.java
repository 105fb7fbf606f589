package dev.detectc.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RegexLengthTest {

  @Test
  void countsWhatEveryMatchMustConsume() {
    assertThat(RegexLength.minimum("^[a-z0-9]{40,}\\.")).isEqualTo(41);
    assertThat(RegexLength.minimum("abc")).isEqualTo(3);
    assertThat(RegexLength.minimum("ab|c")).isEqualTo(1);
    assertThat(RegexLength.minimum("(?i)(?:ab){2,5}x?\\d+")).isEqualTo(5);
    assertThat(RegexLength.minimum("(?P<name>a(b|cd))\\b$")).isEqualTo(2);
    assertThat(RegexLength.minimum("[]a-z\\]][[:alpha:]][^x]")).isEqualTo(3);
    assertThat(RegexLength.minimum("\\Qa.b\\E\\pL\\p{Greek}\\x41\\x{1F600}😀.")).isEqualTo(9);
    assertThat(RegexLength.minimum("a*b+?c??d{3}?")).isEqualTo(4);
    assertThat(RegexLength.minimum("\\A\\z")).isZero();
  }

  @Test
  void makesNoClaimForWhatItDoesNotKnow() {
    for (String unknown : List.of("a{", "x{,3}", "\\1", "\\C", "(?<n>a)", "(a", "a)", "[a", "\\")) {
      assertThat(RegexLength.minimum(unknown)).as(unknown).isZero();
    }
  }

  @Provide
  Arbitrary<String> regexes() {
    return Arbitraries.of("a", "b", ".", "\\d", "\\w", "\\s", "[ab]", "[^a]", "(a|bc)", "(?:ab)*", "x{2}", "a{1,3}", "b+",
        "c?", "^", "$", "\\b", "\\B", "(?i)A", "\\.", "[]a]", "\\Qa.b\\E", "(?P<n>ab)", "|", "\\pL", "\\x{61}", "😀",
        "a*?", "(a{2}){2}", "(?s:.)", "(", ")", "{", "}", "*", "[[:digit:]]", "\\\\", "\\A", "\\z", "(?m)$")
        .list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> subjects() {
    return Arbitraries.of("a", "b", "c", "x", "A", ".", "1", " ", "\n", "😀", "é", "_")
        .list().ofMaxSize(10).map(parts -> String.join("", parts));
  }

  /** The claim the matcher relies on: a value shorter than the bound holds no match. */
  @Property(tries = 3000)
  void noMatchIsShorterThanTheBound(@ForAll("regexes") String regex, @ForAll("subjects") String subject) {
    Pattern pattern;
    try {
      pattern = Pattern.compile(regex, Pattern.DOTALL);
    } catch (PatternSyntaxException e) {
      Assume.that(false);
      return;
    }
    int minimum = RegexLength.minimum(regex);
    com.google.re2j.Matcher matcher = pattern.matcher(subject);
    while (matcher.find()) {
      assertThat(matcher.end() - matcher.start()).as(regex + " on " + subject).isGreaterThanOrEqualTo(minimum);
      if (matcher.end() == matcher.start()) {
        break;
      }
    }
  }
}
