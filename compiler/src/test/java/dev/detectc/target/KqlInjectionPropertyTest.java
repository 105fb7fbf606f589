package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.ir.IrExpr;
import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import dev.detectc.ir.RegexMatch;
import dev.detectc.ir.StringMatch;
import dev.detectc.testing.KustoChecker;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * No value escapes its literal: for random strings full of quotes, backslashes, line breaks,
 * wildcard characters, controls and non-BMP characters, the KQL renderer's equality, contains
 * and regex predicates are parsed by Microsoft's Kusto parser, which must see exactly one
 * string literal whose decoded value is the intended one.
 */
@AddLifecycleHook(KqlInjectionPropertyTest.NeedsKustoChecker.class)
class KqlInjectionPropertyTest {

  /** Skips the container where the checker cannot run, except under CI=true, where starting it then fails. */
  static final class NeedsKustoChecker implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      return KustoChecker.skipHere() ? SkipResult.skip("skipped: " + KustoChecker.unavailable()) : SkipResult.doNotSkip();
    }
  }

  private static KustoChecker checker;
  private static final Target KQL = Target.load("kql");
  private static final Profile NONE = KQL.profile("none");

  @BeforeContainer
  static void start() {
    checker = KustoChecker.start();
  }

  @AfterContainer
  static void stop() {
    if (checker != null) {
      checker.close();
    }
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.of("\"", "'", "\\", "\\\\", "\"\"", "''", "\n", "\r", "\t", "*", "?", "\u0000", "\u0007", "\u001b",
        "\u007f", "\u0085", "\u2028", "\u2029", "\ufeff", "😀", "𝄞", "é", "a", "Z", "0", " ", "|", ";", "//", "/*", "@",
        "$", "(", ")", "]", "[", "{", "}", "^", ".", "+", "or 1==1", "| take 1", "\" or true //")
        .list().ofMinSize(1).ofMaxSize(12).map(parts -> String.join("", parts));
  }

  @Property(tries = 400)
  void equalityContainsAndRegexKeepTheValueInOneLiteral(@ForAll("hostile") String value) {
    assertOneLiteral(new StringMatch("CommandLine", MatchKind.EQUALS, Pattern.literal(value), false), value);
    assertOneLiteral(new StringMatch("CommandLine", MatchKind.CONTAINS, Pattern.literal(value), true), value);
    String regex = quoteRegex(value);
    assertOneLiteral(new RegexMatch("CommandLine", regex, Set.of()), regex);
  }

  private static void assertOneLiteral(IrExpr expr, String expected) {
    String predicate = new QueryRenderer(KQL, NONE, new FieldResolver(NONE, null, KQL.escaper())).render(expr);
    JsonNode result = checker.check(new KustoChecker.Request("T | where " + predicate, "open", "literals"));
    assertThat(result.get("ok").asBoolean()).as("parses: " + predicate + " " + result.get("errors")).isTrue();
    List<String> literals = new java.util.ArrayList<>();
    result.get("literals").forEach(literal -> literals.add(literal.asText()));
    assertThat(literals).as(predicate).containsExactly(expected);
  }

  /** The value as a regex matching it literally (every regex metacharacter escaped). */
  private static String quoteRegex(String value) {
    StringBuilder regex = new StringBuilder();
    value.codePoints().forEach(c -> {
      if ("\\.[]{}()*+?^$|".indexOf(c) >= 0) {
        regex.append('\\');
      }
      regex.appendCodePoint(c);
    });
    return regex.toString();
  }
}
