package dev.detectc.ir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.rule.ComparisonOp;
import dev.detectc.rule.Environment;
import dev.detectc.rule.RuleLoader;
import dev.detectc.source.Diagnostic;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Modifier semantics, resolved once into the IR. */
class LoweringTest {

  private static RuleSet lowerAll(String detection, Environment environment) {
    String text = "title: t\nid: 1b4e28ba-2fa1-11d2-883f-0016d3cca427\nlogsource:\n    category: test\ndetection:\n"
        + detection.indent(4) + "    condition: sel\n";
    return new RuleSetBuilder(environment).build(List.of(new RuleLoader().load("t.yml", text)));
  }

  private static IrExpr lower(String detection) {
    return lower(detection, Environment.UNBOUND);
  }

  private static IrExpr lower(String detection, Environment environment) {
    RuleSet set = lowerAll(detection, environment);
    assertThat(set.diagnostics()).as("diagnostics").filteredOn(Diagnostic::isError).isEmpty();
    return ((IrRule) set.documents().get(0).ir().orElseThrow()).condition();
  }

  private static StringMatch string(String field, MatchKind kind, String literal) {
    return new StringMatch(field, kind, Pattern.literal(literal), false);
  }

  @Test
  void mapsAreAndListsAreOr() {
    IrExpr expr = lower("sel:\n    a: x\n    b:\n        - y\n        - z\n");
    assertThat(expr).isEqualTo(IrExpr.and(List.of(string("a", MatchKind.EQUALS, "x"),
        IrExpr.or(List.of(string("b", MatchKind.EQUALS, "y"), string("b", MatchKind.EQUALS, "z"))))));
  }

  @Test
  void listOfMapsIsOr() {
    IrExpr expr = lower("sel:\n    - a: x\n    - b: y\n");
    assertThat(expr).isInstanceOf(Or.class);
  }

  @Test
  void allTurnsTheListIntoAnd() {
    IrExpr expr = lower("sel:\n    c|contains|all:\n        - dig\n        - axfr\n");
    assertThat(expr).isEqualTo(IrExpr.and(List.of(string("c", MatchKind.CONTAINS, "dig"),
        string("c", MatchKind.CONTAINS, "axfr"))));
  }

  @Test
  void positionModifiersAndEscapedWildcards() {
    assertThat(lower("sel:\n    c|startswith: 'a\\*'\n")).isEqualTo(string("c", MatchKind.STARTS_WITH, "a*"));
    assertThat(lower("sel:\n    c|endswith: '\\x.exe'\n")).isEqualTo(string("c", MatchKind.ENDS_WITH, "\\x.exe"));
    // A trailing backslash before the wildcard contains adds stays a literal backslash.
    assertThat(lower("sel:\n    c|contains: 'dir\\'\n")).isEqualTo(string("c", MatchKind.CONTAINS, "dir\\"));
    StringMatch inner = (StringMatch) lower("sel:\n    c: 'a?b*c'\n");
    assertThat(inner.kind()).isEqualTo(MatchKind.EQUALS);
    assertThat(inner.pattern().toSigma()).isEqualTo("a?b*c");
    assertThat(((StringMatch) lower("sel:\n    c|cased: Abc\n")).cased()).isTrue();
  }

  @Test
  void keywordsAreSubstringSearches() {
    IrExpr expr = lower("sel:\n    - axfr\n    - 'zone*transfer'\n");
    assertThat(expr).isEqualTo(IrExpr.or(List.of(
        new KeywordMatch(MatchKind.CONTAINS, Pattern.literal("axfr"), false),
        new KeywordMatch(MatchKind.CONTAINS, Pattern.parse("zone*transfer"), false))));
  }

  @Test
  void numbersNullEmptyBooleansAndExists() {
    assertThat(lower("sel:\n    qtype: 252\n")).isEqualTo(new NumericCompare("qtype", ComparisonOp.EQ, new BigDecimal("252")));
    assertThat(lower("sel:\n    qtype: '252'\n")).isEqualTo(string("qtype", MatchKind.EQUALS, "252"));
    assertThat(lower("sel:\n    f: null\n")).isEqualTo(new IsNull("f"));
    assertThat(lower("sel:\n    f: []\n")).isEqualTo(new IsNull("f"));
    assertThat(lower("sel:\n    f: ''\n")).isEqualTo(string("f", MatchKind.EQUALS, ""));
    assertThat(lower("sel:\n    f: true\n")).isEqualTo(new BoolMatch("f", true));
    assertThat(lower("sel:\n    f|exists: true\n")).isEqualTo(new FieldExists("f"));
    assertThat(lower("sel:\n    f|exists: false\n")).isEqualTo(new Not(new FieldExists("f")));
    assertThat(lower("sel:\n    n|gte: 10\n")).isEqualTo(new NumericCompare("n", ComparisonOp.GTE, BigDecimal.TEN));
    assertThat(lower("sel:\n    n|contains: 25\n")).isEqualTo(string("n", MatchKind.CONTAINS, "25"));
  }

  @Test
  void neqNegatesTheWholeItem() {
    assertThat(lower("sel:\n    f|neq:\n        - a\n        - b\n")).isEqualTo(new Not(IrExpr.or(List.of(
        string("f", MatchKind.EQUALS, "a"), string("f", MatchKind.EQUALS, "b")))));
  }

  @Test
  void regexKeepsFlagsAndSubstringSemantics() {
    assertThat(lower("sel:\n    f|re|i|s: 'a.b'\n"))
        .isEqualTo(new RegexMatch("f", "a.b", Set.of(RegexFlag.IGNORECASE, RegexFlag.DOTALL)));
  }

  @Test
  void cidrAcceptsIpv4AndIpv6() {
    CidrMatch v4 = (CidrMatch) lower("sel:\n    ip|cidr: 10.0.0.0/8\n");
    assertThat(v4.network().toString()).isEqualTo("10.0.0.0/8");
    CidrMatch v6 = (CidrMatch) lower("sel:\n    ip|cidr: '2001:db8::/32'\n");
    assertThat(v6.network().ipv6()).isTrue();
    assertThat(v6.network().prefixLength()).isEqualTo(32);
  }

  @Test
  void windashExpandsEveryDashIntoFiveVariants() {
    Or or = (Or) lower("sel:\n    c|windash|contains: ' -t axfr'\n");
    assertThat(or.terms()).extracting(term -> ((StringMatch) term).pattern().plainText())
        .containsExactly(" -t axfr", " /t axfr", " \u2013t axfr", " \u2014t axfr", " \u2015t axfr");
    Or two = (Or) lower("sel:\n    c|windash: '-a -b'\n");
    assertThat(two.terms()).hasSize(25);
  }

  @Test
  void base64offsetMatchesTheSpecificationVectors() {
    Or or = (Or) lower("sel:\n    c|base64offset|contains: foobar\n");
    assertThat(or.terms()).extracting(term -> ((StringMatch) term).pattern().plainText())
        .containsExactly("Zm9vYmFy", "Zvb2Jhc", "mb29iYX");
    assertThat(or.terms()).allSatisfy(term -> assertThat(((StringMatch) term).kind()).isEqualTo(MatchKind.CONTAINS));
    assertThat(or.terms()).allSatisfy(term -> assertThat(((StringMatch) term).cased()).as("base64 is case-sensitive").isTrue());
    StringMatch plain = (StringMatch) lower("sel:\n    c|base64: foobar\n");
    assertThat(plain.pattern().plainText()).isEqualTo("Zm9vYmFy");
  }

  @Test
  void utf16EncodingsInterleaveBytes() {
    assertThat(((StringMatch) lower("sel:\n    c|wide: ab\n")).pattern().plainText()).isEqualTo("a\0b\0");
    assertThat(((StringMatch) lower("sel:\n    c|utf16le: ab\n")).pattern().plainText()).isEqualTo("a\0b\0");
    assertThat(((StringMatch) lower("sel:\n    c|utf16be: ab\n")).pattern().plainText()).isEqualTo("\0a\0b");
    assertThat(((StringMatch) lower("sel:\n    c|utf16: ab\n")).pattern().plainText()).isEqualTo("\u00ff\u00fea\0b\0");
    // wide then base64: the UTF-16LE bytes are encoded, as PowerShell -EncodedCommand does.
    assertThat(((StringMatch) lower("sel:\n    c|wide|base64: ab\n")).pattern().plainText()).isEqualTo("YQBiAA==");
  }

  @Test
  void fieldReferencesAndTimeParts() {
    assertThat(lower("sel:\n    a|fieldref|endswith: b\n"))
        .isEqualTo(new FieldRef("a", MatchKind.ENDS_WITH, "b", false));
    assertThat(lower("sel:\n    t|hour|gte: 22\n")).isEqualTo(new TimePart("t", TimeUnit.HOUR, ComparisonOp.GTE, 22));
    assertThat(lower("sel:\n    t|minute: 5\n")).isEqualTo(new TimePart("t", TimeUnit.MINUTE, ComparisonOp.EQ, 5));
  }

  @Test
  void placeholdersResolveFromTheEnvironmentOrStayUnresolved() {
    assertThat(lower("sel:\n    ip|cidr|expand: '%secondaries%'\n"))
        .isEqualTo(new Placeholder("ip", "secondaries", MatchKind.EQUALS, true, false));
    Environment environment = Environment.of(Map.of("secondaries", List.of("10.0.0.53", "2001:db8::/32"),
        "domains", List.of(".example.com")));
    Or resolved = (Or) lower("sel:\n    ip|cidr|expand: '%secondaries%'\n", environment);
    assertThat(resolved.terms()).extracting(term -> ((CidrMatch) term).network().toString())
        .containsExactly("10.0.0.53/32", "2001:db8:0:0:0:0:0:0/32");
    assertThat(lower("sel:\n    q|endswith|expand: '%domains%'\n", environment))
        .isEqualTo(string("q", MatchKind.ENDS_WITH, ".example.com"));
    RuleSet missing = lowerAll("sel:\n    ip|cidr|expand: '%nope%'\n", environment);
    assertThat(missing.documents().get(0).ok()).isFalse();
    assertThat(missing.documents().get(0).errorSummary()).contains("%nope%");
  }

  @Test
  void conditionsExpandQuantifiersAndSkipUnderscoreNames() {
    String text = "title: t\nlogsource:\n    category: test\ndetection:\n    sel_a:\n        a: 1\n    sel_b:\n"
        + "        b: 2\n    _sel_c:\n        c: 3\n    condition: all of sel_* and not 1 of _sel*\n";
    RuleSet set = new RuleSetBuilder(Environment.UNBOUND).build(List.of(new RuleLoader().load("q.yml", text)));
    IrExpr expr = ((IrRule) set.documents().get(0).ir().orElseThrow()).condition();
    assertThat(IrPrinter.print(expr)).isEqualTo(String.join("\n",
        "and", "  number a eq 1", "  number b eq 2", "  not", "    number c eq 3"));
  }

  @Test
  void filtersAreAndedIntoTheRulesTheyName() {
    String rule = "title: t\nid: 0b2a69fa-5512-4b13-8438-7b6a0ff5538d\nname: base\nlogsource:\n    category: dns\n"
        + "detection:\n    sel:\n        q: x\n    condition: sel\n";
    String filter = "title: f\nlogsource:\n    category: dns\nfilter:\n    rules:\n        - base\n"
        + "    ok:\n        src: 10.0.0.53\n    condition: not ok\n";
    RuleLoader loader = new RuleLoader();
    RuleSet set = new RuleSetBuilder(Environment.UNBOUND).build(List.of(loader.load("r.yml", rule),
        loader.load("f.yml", filter)));
    IrExpr expr = ((IrRule) set.documents().get(0).ir().orElseThrow()).condition();
    assertThat(expr).isEqualTo(IrExpr.and(List.of(string("q", MatchKind.EQUALS, "x"),
        new Not(string("src", MatchKind.EQUALS, "10.0.0.53")))));
  }

  @Test
  void correlationsResolveReferencesAndSilenceBaseRules() {
    String base = "title: base\nid: 0b2a69fa-5512-4b13-8438-7b6a0ff5538d\nname: base\nlogsource:\n    category: dns\n"
        + "detection:\n    sel:\n        q: x\n    condition: sel\n";
    String correlation = "title: c\nid: 18b4411c-c085-4e45-910d-a648540c2c28\ncorrelation:\n    type: event_count\n"
        + "    rules: base\n    group-by: src\n    timespan: 5m\n    condition:\n        gte: 3\n";
    RuleLoader loader = new RuleLoader();
    RuleSet set = new RuleSetBuilder(Environment.UNBOUND).build(List.of(loader.load("b.yml", base),
        loader.load("c.yml", correlation)));
    assertThat(set.emitted()).hasSize(1).first().isInstanceOf(IrCorrelation.class);
    IrCorrelation ir = (IrCorrelation) set.emitted().get(0);
    assertThat(ir.rules()).hasSize(1).first().isInstanceOf(IrRule.class);
  }
}
