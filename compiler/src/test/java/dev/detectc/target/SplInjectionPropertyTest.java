package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.ir.IrExpr;
import dev.detectc.ir.KeywordMatch;
import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import dev.detectc.ir.PatternPart;
import dev.detectc.ir.RegexMatch;
import dev.detectc.ir.StringMatch;
import dev.detectc.testing.spl.Row;
import dev.detectc.testing.spl.SplInterpreter;
import dev.detectc.testing.spl.SplStructure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No value escapes its quotes or adds a command, and every value still means itself: for random
 * strings of quotes, backslashes, pipes, brackets, line breaks, controls, backticks and literal
 * {@code *} and {@code ?}, each kind of string test is rendered to SPL, must parse as a search
 * followed by at most one where clause, and the test interpreter must find exactly the events
 * the Sigma test describes (the value itself, and not a near miss).
 */
class SplInjectionPropertyTest {

  private static final Target SPL = Target.load("spl");
  private static final SplTemplates TEMPLATES = new SplTemplates(SPL);

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.of("\"", "'", "\\", "\\\\", "\\\"", "\n", "\r", "\t", "*", "?", "**", "\u0000", "\u001b", "\u007f",
        "\u0085", "\u2028", "😀", "é", "É", "a", "Z", "0", " ", "|", "| delete", "[", "]", "(", ")", "{", "}", "=", "`",
        "`macro`", "$", "%", "_", "^", ".", "+", "\" OR *", "\") | where true() OR (\"", "NOT", "AND", "x\\*")
        .list().ofMinSize(1).ofMaxSize(10).map(parts -> String.join("", parts));
  }

  @Property(tries = 300)
  void stringTestsKeepTheirValue(@ForAll("hostile") String value) {
    Row exact = event(value);
    Row longer = event("<" + value + ">");
    Row other = event(value.isEmpty() ? "x" : value.substring(1));
    for (boolean cased : new boolean[] {false, true}) {
      assertMatches(new StringMatch("f", MatchKind.EQUALS, Pattern.literal(value), cased), exact, longer, true, false);
      // A trailing newline is a near miss: PCRE's $ would accept it, Sigma does not.
      assertMatches(new StringMatch("f", MatchKind.EQUALS, Pattern.literal(value), cased), exact, event(value + "\n"), true, false);
      assertMatches(new StringMatch("f", MatchKind.CONTAINS, Pattern.literal(value), cased), longer, other, true,
          ("<" + value.substring(1) + ">").contains(value) || value.substring(1).contains(value));
      assertMatches(new StringMatch("f", MatchKind.STARTS_WITH, Pattern.literal(value), cased), event(value + ">"), longer, true,
          false);
      assertMatches(new StringMatch("f", MatchKind.ENDS_WITH, Pattern.literal(value), cased), event("<" + value), longer, true,
          false);
    }
  }

  @Property(tries = 200)
  void oneCharacterWildcardsMatchExactlyOne(@ForAll("hostile") String left, @ForAll("hostile") String right) {
    Pattern pattern = new Pattern(List.of(PatternPart.literal(left), PatternPart.ONE, PatternPart.literal(right)));
    assertMatches(new StringMatch("f", MatchKind.EQUALS, pattern, false), event(left + "\n" + right), event(left + right), true,
        false);
  }

  @Property(tries = 200)
  void regexesAndKeywordsKeepTheirValue(@ForAll("hostile") String value) {
    String regex = java.util.regex.Pattern.quote(value);
    assertMatches(new RegexMatch("f", regex, Set.of()), event("<" + value + ">"), event(value.substring(1)), true,
        value.substring(1).contains(value));
    Row raw = Row.event(Map.of(), "<" + value + ">", BigDecimal.ONE, "raw", 1);
    Row missing = Row.event(Map.of(), "nothing", BigDecimal.ONE, "raw", 2);
    assertMatches(new KeywordMatch(MatchKind.CONTAINS, Pattern.literal(value), false), raw, missing, true,
        "nothing".contains(value.toLowerCase(java.util.Locale.ROOT)));
  }

  private static void assertMatches(IrExpr expr, Row hit, Row miss, boolean hitExpected, boolean missExpected) {
    SplCondition condition = SplCondition.split(expr, TEMPLATES, name -> name);
    String query = condition.searchText("", TEMPLATES) + condition.where()
        .map(where -> "\n" + TEMPLATES.command("where", TEMPLATES.model("condition", where.text()))).orElse("");
    List<String> commands = SplStructure.check(query);
    assertThat(commands).as(query).isIn(List.of("search"), List.of("search", "where"));
    assertThat(!SplInterpreter.run(query, List.of(hit)).isEmpty()).as("matches %s: %s", hit, query).isEqualTo(hitExpected);
    assertThat(!SplInterpreter.run(query, List.of(miss)).isEmpty()).as("matches %s: %s", miss, query).isEqualTo(missExpected);
  }

  private static Row event(String value) {
    return Row.event(Map.of("f", List.of(value)), "{}", BigDecimal.ONE, "event", 1);
  }
}
