package dev.detectc.target.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.ir.RegexFlag;
import dev.detectc.ir.RegexMatch;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeTry;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;

/**
 * Random regular expressions and random values: RE2/J's substring search (the evaluator's
 * semantics) and Lucene's whole-value automaton over the translation must agree on every value.
 */
class LuceneRegexDifferentialTest {

  private static final String ALPHABET = "aAbBkK\u212A1-. \n\\/";

  @Property(tries = 400)
  void translationMatchesExactlyWhatRe2Finds(@ForAll("regexes") String regex, @ForAll("flags") Set<RegexFlag> flags,
      @ForAll("values") java.util.List<String> values) {
    String lucene = LuceneRegex.of(new RegexMatch("f", regex, flags));
    CharacterRunAutomaton automaton =
        new CharacterRunAutomaton(Operations.determinize(new RegExp(lucene).toAutomaton(), 1_000_000));
    int re2Flags = (flags.contains(RegexFlag.IGNORECASE) ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0)
        | (flags.contains(RegexFlag.MULTILINE) ? com.google.re2j.Pattern.MULTILINE : 0)
        | (flags.contains(RegexFlag.DOTALL) ? com.google.re2j.Pattern.DOTALL : 0);
    com.google.re2j.Pattern re2 = com.google.re2j.Pattern.compile(regex, re2Flags);
    for (String value : values) {
      assertThat(automaton.run(value)).as("%s -> %s on '%s'", regex, lucene, value)
          .isEqualTo(re2.matcher(value).find());
    }
  }

  @Provide
  Arbitrary<java.util.List<String>> values() {
    return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(7).list().ofMinSize(8).ofMaxSize(20);
  }

  @Provide
  Arbitrary<Set<RegexFlag>> flags() {
    return Arbitraries.subsetOf(RegexFlag.values()).map(s -> s.isEmpty() ? Set.of() : EnumSet.copyOf(s));
  }

  @Provide
  Arbitrary<String> regexes() {
    Arbitrary<String> body = alternation(3);
    Arbitrary<String> start = Arbitraries.of("", "", "^", "\\A");
    Arbitrary<String> end = Arbitraries.of("", "", "$", "\\z");
    return Combinators.combine(start, body, end).as((s, b, e) -> s + "(?:" + b + ")" + e);
  }

  private Arbitrary<String> alternation(int depth) {
    return concatenation(depth).list().ofMinSize(1).ofMaxSize(3).map(options -> String.join("|", options));
  }

  private Arbitrary<String> concatenation(int depth) {
    return repeated(depth).list().ofMinSize(0).ofMaxSize(3).map(items -> String.join("", items));
  }

  private Arbitrary<String> repeated(int depth) {
    Arbitrary<String> quantifier = Arbitraries.of("", "", "", "*", "+", "?", "{1,2}", "{2}", "*?");
    return Combinators.combine(atom(depth), quantifier).as((a, q) -> a + q);
  }

  private Arbitrary<String> atom(int depth) {
    Arbitrary<String> simple = Arbitraries.of("a", "b", "A", "k", "1", "\\.", ".", "-", "\\n", "\\\\", "/", " ",
        "[ab]", "[^a]", "[a-c]", "[^\\n]", "\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "[Kk-]", "\\x41");
    if (depth == 0) {
      return simple;
    }
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, simple),
        net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> alternation(depth - 1)).map(inner -> "(" + inner + ")")));
  }
}
