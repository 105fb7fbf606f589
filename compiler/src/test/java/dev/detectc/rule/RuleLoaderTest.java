package dev.detectc.rule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.source.Diagnostic;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.SourcePosition;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading: document kinds, collections, positions, and hostile YAML. */
class RuleLoaderTest {

  private final RuleLoader loader = new RuleLoader();

  private static final String RULE = String.join("\n",
      "title: Zone transfer",
      "id: 9c7f5d2e-1b3a-4e6f-8a9b-0c1d2e3f4a5b",
      "name: zone_transfer",
      "logsource:",
      "    category: dns",
      "detection:",
      "    selection:",
      "        record_type:",
      "            - AXFR",
      "            - 252",
      "    condition: selection",
      "level: high",
      "");

  @Test
  void loadsADetectionRuleWithTypedValuesAndPositions() {
    LoadedFile file = loader.load("r.yml", RULE);
    assertThat(file.allDiagnostics()).isEmpty();
    SigmaRule rule = (SigmaRule) file.documents().get(0).document();
    assertThat(rule.info().title()).isEqualTo("Zone transfer");
    assertThat(rule.info().nameValue()).isEqualTo("zone_transfer");
    assertThat(rule.logsource().category()).isEqualTo("dns");
    DetectionItem item = rule.detection().searches().get("selection").alternatives().get(0).get(0);
    assertThat(item.field()).isEqualTo("record_type");
    assertThat(item.values()).extracting(SigmaValue::type)
        .containsExactly(SigmaValue.Type.STRING, SigmaValue.Type.INTEGER);
    assertThat(item.values().get(1).position()).isEqualTo(new SourcePosition(10, 15));
    assertThat(rule.detection().conditions().get(0).positionAt(0)).isEqualTo(new SourcePosition(11, 16));
  }

  @Test
  void conditionOffsetsMapIntoBlockAndQuotedScalars() {
    String text = String.join("\n",
        "title: t", "logsource:", "    product: windows", "detection:", "    a:", "        x: 1",
        "    condition: |",
        "        a and",
        "          b",
        "");
    ConditionSource block = ((SigmaRule) loader.load("b.yml", text).documents().get(0).document())
        .detection().conditions().get(0);
    assertThat(block.text()).isEqualTo("a and\n  b\n");
    assertThat(block.positionAt(block.text().indexOf('b'))).isEqualTo(new SourcePosition(9, 11));
    String quoted = text.replace("    condition: |\n        a and\n          b\n", "    condition: \"a and \\\"b\"\n");
    ConditionSource doubleQuoted = ((SigmaRule) loader.load("q.yml", quoted).documents().get(0).document())
        .detection().conditions().get(0);
    assertThat(doubleQuoted.positionAt(doubleQuoted.text().indexOf('b'))).isEqualTo(new SourcePosition(7, 25));
  }

  @Test
  void v1CollectionsApplyGlobalResetAndRepeat() {
    String text = String.join("\n",
        "action: global",
        "title: Shared title",
        "logsource:",
        "    product: windows",
        "detection:",
        "    condition: selection",
        "---",
        "logsource:",
        "    service: security",
        "detection:",
        "    selection:",
        "        EventID: 4688",
        "---",
        "action: repeat",
        "detection:",
        "    selection:",
        "        EventID: 1",
        "---",
        "action: reset",
        "---",
        "title: Alone",
        "logsource:",
        "    category: dns",
        "detection:",
        "    s:",
        "        query: x",
        "    condition: s",
        "");
    LoadedFile file = loader.load("c.yml", text);
    assertThat(file.allDiagnostics()).isEmpty();
    assertThat(file.documents()).hasSize(3);
    SigmaRule first = (SigmaRule) file.documents().get(0).document();
    assertThat(first.info().title()).isEqualTo("Shared title");
    assertThat(first.logsource().product()).isEqualTo("windows");
    assertThat(first.logsource().service()).isEqualTo("security");
    SigmaRule repeated = (SigmaRule) file.documents().get(1).document();
    assertThat(repeated.logsource().service()).isEqualTo("security");
    assertThat(repeated.detection().searches().get("selection").alternatives().get(0).get(0).values().get(0).text())
        .isEqualTo("1");
    SigmaRule alone = (SigmaRule) file.documents().get(2).document();
    assertThat(alone.info().title()).isEqualTo("Alone");
    assertThat(alone.logsource().product()).isNull();
  }

  @Test
  void correlationRulesKeepRangesAliasesAndTimespan() {
    String text = String.join("\n",
        "title: Range",
        "correlation:",
        "    type: value_count",
        "    rules:",
        "        - zone_transfer",
        "    group-by: src_ip",
        "    timespan: 90m",
        "    aliases:",
        "        src:",
        "            zone_transfer: src_ip",
        "    condition:",
        "        field: query",
        "        gt: 100",
        "        lte: 200",
        "    generate: true",
        "");
    LoadedFile file = loader.load("k.yml", text);
    assertThat(file.allDiagnostics()).isEmpty();
    CorrelationRule rule = (CorrelationRule) file.documents().get(0).document();
    assertThat(rule.type()).isEqualTo(CorrelationType.VALUE_COUNT);
    assertThat(rule.timespan()).isEqualTo(Duration.ofMinutes(90));
    assertThat(rule.groupBy()).containsExactly("src_ip");
    assertThat(rule.fields()).containsExactly("query");
    assertThat(rule.thresholds()).containsExactly(
        new CorrelationRule.Threshold(ComparisonOp.GT, new BigDecimal("100")),
        new CorrelationRule.Threshold(ComparisonOp.LTE, new BigDecimal("200")));
    assertThat(rule.conditionHolds(new BigDecimal("150"))).isTrue();
    assertThat(rule.conditionHolds(new BigDecimal("100"))).isFalse();
    assertThat(rule.conditionHolds(new BigDecimal("201"))).isFalse();
    assertThat(rule.resolveAlias("src", "zone_transfer")).isEqualTo("src_ip");
    assertThat(rule.generate()).isTrue();
  }

  @Test
  void filtersReadRulesAndDetection() {
    String text = String.join("\n",
        "title: Quiet approved secondaries",
        "logsource:",
        "    category: dns",
        "filter:",
        "    rules: any",
        "    secondaries:",
        "        src_ip: 10.0.0.53",
        "    condition: not secondaries",
        "");
    FilterRule filter = (FilterRule) loader.load("f.yml", text).documents().get(0).document();
    assertThat(filter.appliesToAny()).isTrue();
    assertThat(filter.detection().searches()).containsOnlyKeys("secondaries");
  }

  @Test
  void hostileYamlGivesDiagnosticsNotCrashes() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char previous = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [").append(("*" + previous + ", ").repeat(9))
          .append('*').append(previous).append("]\n");
    }
    assertThat(codes(loader.load("bomb.yml", bomb.toString()))).containsExactly(DiagnosticCode.YAML_LIMIT);
    assertThat(codes(loader.load("deep.yml", "a: " + "[".repeat(5000) + "]".repeat(5000))))
        .containsExactly(DiagnosticCode.YAML_LIMIT);
    assertThat(codes(loader.load("deep-map.yml", "a:\n" + nestedMaps(200))))
        .containsExactly(DiagnosticCode.YAML_LIMIT);
    assertThat(codes(loader.load("huge.yml", "title: " + "x".repeat(5 * 1024 * 1024))))
        .containsExactly(DiagnosticCode.YAML_LIMIT);
    assertThat(codes(loader.load("recursive.yml", "a: &a [*a]"))).isNotEmpty();
  }

  @Test
  void oneBadDocumentDoesNotHideTheOthers() {
    String text = RULE + "---\ntitle: broken\nlogsource: {category: dns}\ndetection: {s: {q|nope: x}, condition: s}\n"
        + "---\n" + RULE.replace("zone_transfer", "other");
    LoadedFile file = loader.load("m.yml", text);
    assertThat(file.documents()).hasSize(3);
    assertThat(file.documents().get(1).hasErrors()).isTrue();
    assertThat(file.documents().get(0).hasErrors()).isFalse();
    assertThat(file.documents().get(2).hasErrors()).isFalse();
  }

  private static String nestedMaps(int depth) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      text.append("  ".repeat(i + 1)).append("k:\n");
    }
    return text.append("  ".repeat(depth + 1)).append("v\n").toString();
  }

  private static List<DiagnosticCode> codes(LoadedFile file) {
    return file.allDiagnostics().stream().map(Diagnostic::code).distinct().toList();
  }
}
