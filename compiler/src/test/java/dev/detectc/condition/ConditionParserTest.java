package dev.detectc.condition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.source.DiagnosticCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Precedence, quantifiers, round trips and errors of the condition language. */
class ConditionParserTest {

  private final ConditionParser parser = new ConditionParser();

  private String canonical(String text) {
    ParsedCondition parsed = parser.parse(text);
    assertThat(parsed.errors()).as("errors for %s", text).isEmpty();
    String printed = ConditionPrinter.print(parsed.condition());
    // Round trip: the printed form parses back to the same tree.
    ParsedCondition again = parser.parse(printed);
    assertThat(again.ok()).as("reparse of %s", printed).isTrue();
    assertThat(ConditionPrinter.print(again.condition())).isEqualTo(printed);
    assertThat(withoutOffsets(again.condition())).isEqualTo(withoutOffsets(parsed.condition()));
    return printed;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // or < and < not < x of < ( ), pySigma's test_precedence
      "d1 and not d2 or not d3 and d4 | ((d1 and not d2) or (not d3 and d4))",
      "a or b and c | (a or (b and c))",
      "a and b or c | ((a and b) or c)",
      "not a and b | (not a and b)",
      "not (a and b) | not (a and b)",
      "not not a | not not a",
      "a and b and c | (a and b and c)",
      "(a and b) and c | (a and b and c)",
      "a or (b or c) | (a or b or c)",
      "1 of sel* and not 1 of filter_* | (1 of sel* and not 1 of filter_*)",
      "any of sel_* | 1 of sel_*",
      "all of them | all of them",
      "1 of them or x | (1 of them or x)",
      "all of sel_*_x | all of sel_*_x",
      "sel-with-dash and and_filter | (sel-with-dash and and_filter)",
      "selection_1 | selection_1"})
  void parsesWithSigmaPrecedence(String text, String expected) {
    assertThat(canonical(text)).isEqualTo(expected.trim());
  }

  @Test
  void whitespaceOfAnyKindSeparatesTokens() {
    assertThat(canonical("  spaced\tand\nnewlines  ")).isEqualTo("(spaced and newlines)");
  }

  @Test
  void quantifierPatternsSelectLikeTheSpecification() {
    Condition.Quantified them = (Condition.Quantified) parser.parse("1 of them").condition();
    assertThat(them.selects("selection")).isTrue();
    assertThat(them.selects("_filter")).isFalse();
    Condition.Quantified pattern = (Condition.Quantified) parser.parse("1 of sel*").condition();
    assertThat(pattern.selects("selection")).isTrue();
    assertThat(pattern.selects("sel")).isTrue();
    assertThat(pattern.selects("_sel")).isFalse();
    assertThat(pattern.selects("filter")).isFalse();
    Condition.Quantified underscore = (Condition.Quantified) parser.parse("all of _filt*").condition();
    assertThat(underscore.selects("_filter")).isTrue();
    Condition.Quantified inner = (Condition.Quantified) parser.parse("1 of a*c").condition();
    assertThat(inner.selects("abc")).isTrue();
    assertThat(inner.selects("ac")).isTrue();
    assertThat(inner.selects("abd")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiterString = " ; ", value = {
      "detection1 and (detection2 OR detection3) ; condition-syntax ; 27",
      "a AND b ; condition-syntax ; 2",
      "a and ; condition-syntax ; 5",
      "(a and b ; condition-syntax ; 8",
      "a b ; condition-syntax ; 2",
      "a and or b ; condition-syntax ; 6",
      "2 of a* ; condition-syntax ; 2",
      "1 of ; condition-syntax ; 4",
      "a | count() > 5 ; condition-pipe ; 2",
      "sel | near other ; condition-pipe ; 4",
      "a and $b ; condition-syntax ; 6"})
  void rejectsInvalidConditionsAtTheRightOffset(String text, String code, int offset) {
    ParsedCondition parsed = parser.parse(text.trim());
    assertThat(parsed.ok()).isFalse();
    assertThat(parsed.errors().get(0).code()).isEqualTo(DiagnosticCode.fromId(code));
    assertThat(parsed.errors().get(0).offset()).isEqualTo(offset);
  }

  @Test
  void upperCaseOperatorsGetAHelpfulMessage() {
    assertThat(parser.parse("a OR b").errors().get(0).message()).contains("write 'or', not 'OR'");
  }

  @ParameterizedTest
  @ValueSource(ints = {65, 1000, 100_000})
  void deepNestingIsRefusedWithoutStackOverflow(int depth) {
    String deep = "(".repeat(depth) + "a" + ")".repeat(depth);
    ParsedCondition parsed = parser.parse(deep);
    assertThat(parsed.ok()).isFalse();
    assertThat(parsed.errors().get(0).code()).isIn(DiagnosticCode.CONDITION_DEPTH);
    assertThat(parser.parse("not ".repeat(depth) + "a").errors().get(0).code()).isEqualTo(DiagnosticCode.CONDITION_DEPTH);
  }

  @Test
  void nestingUpToTheLimitParses() {
    String deep = "(".repeat(ConditionParser.MAX_DEPTH) + "a" + ")".repeat(ConditionParser.MAX_DEPTH);
    assertThat(parser.parse(deep).ok()).isTrue();
  }

  @Test
  void longFlatConditionsParse() {
    StringBuilder text = new StringBuilder("s0");
    for (int i = 1; i < 2000; i++) {
      text.append(" or s").append(i);
    }
    Condition condition = parser.parse(text.toString()).condition();
    assertThat(((Condition.Or) condition).terms()).hasSize(2000);
  }

  private static Condition withoutOffsets(Condition condition) {
    return condition.accept(new Condition.Visitor<Condition>() {
      @Override
      public Condition visitAnd(Condition.And and) {
        return new Condition.And(and.terms().stream().map(ConditionParserTest::withoutOffsets).toList());
      }

      @Override
      public Condition visitOr(Condition.Or or) {
        return new Condition.Or(or.terms().stream().map(ConditionParserTest::withoutOffsets).toList());
      }

      @Override
      public Condition visitNot(Condition.Not not) {
        return new Condition.Not(withoutOffsets(not.operand()));
      }

      @Override
      public Condition visitReference(Condition.Reference reference) {
        return new Condition.Reference(reference.name(), 0);
      }

      @Override
      public Condition visitQuantified(Condition.Quantified quantified) {
        return new Condition.Quantified(quantified.quantifier(), quantified.pattern(), 0);
      }
    });
  }
}
