package dev.detectc.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.ir.IrExpr;
import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Placeholder;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.testing.RuleText;
import org.junit.jupiter.api.Test;

class MatcherCompilerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whether the detection (YAML, condition included) matches the JSON event. */
  private static boolean fires(String detection, String event) {
    IrExpr condition = RuleText.detection(detection).condition();
    try {
      return new MatcherCompiler().compile(condition).matches(JSON.readTree(event));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void stringsIgnoreCaseUnlessCased() {
    String rule = "sel:\n  q: 'Ab*Cd'\ncondition: sel";
    assertThat(fires(rule, "{\"q\": \"aBxxcD\"}")).isTrue();
    assertThat(fires(rule, "{\"q\": \"aBxxcDe\"}")).isFalse();
    assertThat(fires("sel:\n  q|cased: 'Ab*Cd'\ncondition: sel", "{\"q\": \"aBxxcD\"}")).isFalse();
    assertThat(fires("sel:\n  q|cased: 'Ab*Cd'\ncondition: sel", "{\"q\": \"Ab\\nCd\"}")).isTrue();
  }

  /** A value list is one lookup for all its values (MatcherCompiler gathers an Or's string tests by field). */
  @Test
  void valueListsMatchAnyValueOnAnyElement() {
    String list = "sel:\n  q|endswith: ['.onion', '.bit', '.i2p']\ncondition: sel";
    assertThat(fires(list, "{\"q\": \"a.BIT\"}")).isTrue();
    assertThat(fires(list, "{\"q\": [\"x.com\", \"y.i2p\"]}")).isTrue();
    assertThat(fires(list, "{\"q\": \"x.com\"}")).isFalse();
    assertThat(fires(list, "{\"r\": \"a.bit\"}")).isFalse();
    assertThat(fires(list, "{\"q\": null}")).isFalse();
    // An Or of string tests on two fields, interleaved with a test of another kind on the first.
    String mixed = "a:\n  q: one\nb:\n  r: two\nc:\n  q|contains: zz\nd:\n  q|exists: false\n"
        + "condition: a or b or c or d";
    assertThat(fires(mixed, "{\"q\": \"ONE\"}")).isTrue();
    assertThat(fires(mixed, "{\"q\": \"x\", \"r\": \"Two\"}")).isTrue();
    assertThat(fires(mixed, "{\"q\": \"xzzx\"}")).isTrue();
    assertThat(fires(mixed, "{\"r\": \"three\"}")).isTrue();
    assertThat(fires(mixed, "{\"q\": \"three\", \"r\": \"one\"}")).isFalse();
    assertThat(fires("a:\n  q: [one, 'tw?']\ncondition: not a", "{\"q\": \"two\"}")).isFalse();
    assertThat(fires("a:\n  q: [one, 'tw?']\ncondition: not a", "{\"q\": \"twoo\"}")).isTrue();
  }

  @Test
  void numbersMatchAsTextAndAsNumbers() {
    assertThat(fires("sel:\n  q|startswith: '25'\ncondition: sel", "{\"q\": 252}")).isTrue();
    assertThat(fires("sel:\n  q: 252\ncondition: sel", "{\"q\": \"252\"}")).isTrue();
    assertThat(fires("sel:\n  q: 252\ncondition: sel", "{\"q\": 252.0}")).isTrue();
    assertThat(fires("sel:\n  q: 252\ncondition: sel", "{\"q\": \"252x\"}")).isFalse();
    assertThat(fires("sel:\n  q|gt: 250\ncondition: sel", "{\"q\": [1, \"251\"]}")).isTrue();
    assertThat(fires("sel:\n  q|lte: 0.5\ncondition: sel", "{\"q\": \"5e-1\"}")).isTrue();
    assertThat(fires("sel:\n  q|lt: 1e30\ncondition: sel", "{\"q\": 99999999999999999999999}")).isTrue();
    assertThat(fires("sel:\n  q|neq: 3\ncondition: sel", "{\"other\": 3}")).isTrue();
  }

  @Test
  void booleansNullsAndExistence() {
    assertThat(fires("sel:\n  AA: true\ncondition: sel", "{\"AA\": \"TRUE\"}")).isTrue();
    assertThat(fires("sel:\n  AA: false\ncondition: sel", "{\"AA\": true}")).isFalse();
    assertThat(fires("sel:\n  f: null\ncondition: sel", "{\"f\": null}")).isTrue();
    assertThat(fires("sel:\n  f: null\ncondition: sel", "{\"f\": \"\"}")).isFalse();
    assertThat(fires("sel:\n  f|exists: true\ncondition: sel", "{\"f\": null}")).isTrue();
    assertThat(fires("sel:\n  f: ''\ncondition: sel", "{\"f\": null}")).isFalse();
    assertThat(fires("sel:\n  f: '*'\ncondition: sel", "{\"f\": \"\"}")).isTrue();
    assertThat(fires("sel:\n  f: '*'\ncondition: sel", "{\"f\": null}")).isFalse();
  }

  @Test
  void regexIsAFlaggedSubstringMatch() {
    assertThat(fires("sel:\n  q|re: 'b+c'\ncondition: sel", "{\"q\": \"abbcd\"}")).isTrue();
    assertThat(fires("sel:\n  q|re: '^b'\ncondition: sel", "{\"q\": \"a\\nb\"}")).isFalse();
    assertThat(fires("sel:\n  q|re|m: '^b$'\ncondition: sel", "{\"q\": \"a\\nb\\nc\"}")).isTrue();
    assertThat(fires("sel:\n  q|re: 'a.b'\ncondition: sel", "{\"q\": \"a\\nb\"}")).isFalse();
    assertThat(fires("sel:\n  q|re|s: 'a.b'\ncondition: sel", "{\"q\": \"a\\nb\"}")).isTrue();
    assertThat(fires("sel:\n  q|re|i: 'ÉCOLE'\ncondition: sel", "{\"q\": \"école\"}")).isTrue();
  }

  @Test
  void regexOutsideRe2IsRefusedWithItsReason() {
    IrExpr condition = RuleText.detection("sel:\n  q|re: '(a)\\1'\ncondition: sel").condition();
    assertThatThrownBy(() -> new MatcherCompiler().compile(condition))
        .isInstanceOf(MatcherCompiler.Unsupported.class)
        .hasMessageContaining("RE2")
        .satisfies(e -> assertThat(((MatcherCompiler.Unsupported) e).code()).isEqualTo(DiagnosticCode.INVALID_REGEX));
  }

  @Test
  void placeholdersAreRefusedByName() {
    assertThatThrownBy(() -> new MatcherCompiler().compile(new Placeholder("ip", "dns_secondary_servers", MatchKind.EQUALS,
        true, false))).isInstanceOf(MatcherCompiler.Unsupported.class).hasMessageContaining("%dns_secondary_servers%")
        .hasMessageContaining("--env");
  }

  @Test
  void cidrMatchesBothFamiliesAndNothingElse() {
    String rule = "sel:\n  ip|cidr: ['10.0.0.0/8', 'fe80::/10']\ncondition: sel";
    assertThat(fires(rule, "{\"ip\": \"10.200.3.4\"}")).isTrue();
    assertThat(fires(rule, "{\"ip\": \"FE80::1%eth0\"}")).isTrue();
    assertThat(fires(rule, "{\"ip\": \"11.0.0.1\"}")).isFalse();
    assertThat(fires(rule, "{\"ip\": \"10.0.0\"}")).isFalse();
    assertThat(fires(rule, "{\"ip\": \"example.com\"}")).isFalse();
    assertThat(fires(rule, "{\"ip\": [\"1.1.1.1\", \"10.0.0.1\"]}")).isTrue();
  }

  @Test
  void fieldReferencesCompareTwoFieldsOfOneEvent() {
    assertThat(fires("sel:\n  a|fieldref: b\ncondition: sel", "{\"a\": \"X\", \"b\": \"x\"}")).isTrue();
    assertThat(fires("sel:\n  a|fieldref|cased: b\ncondition: sel", "{\"a\": \"X\", \"b\": \"x\"}")).isFalse();
    assertThat(fires("sel:\n  a|fieldref|endswith: b\ncondition: sel", "{\"a\": \"ns1.corp\", \"b\": \"corp\"}")).isTrue();
    assertThat(fires("sel:\n  a|fieldref: b\ncondition: sel", "{\"a\": \"x\"}")).isFalse();
  }

  @Test
  void keywordsSearchEveryValue() {
    String rule = "keywords:\n  - 'mimikatz'\ncondition: keywords";
    assertThat(fires(rule, "{\"a\": {\"b\": [1, \"run MIMIKATZ.exe\"]}}")).isTrue();
    assertThat(fires(rule, "{\"mimikatz\": 1}")).isFalse();
    assertThat(fires("keywords:\n  - '252'\ncondition: keywords", "{\"qtype\": 252}")).isTrue();
  }

  @Test
  void timePartsReadTheFieldInUtc() {
    String event = "{\"t\": \"2024-05-13T23:30:00-02:00\"}";
    assertThat(fires("sel:\n  t|hour: 1\ncondition: sel", event)).isTrue();
    assertThat(fires("sel:\n  t|day: 14\ncondition: sel", event)).isTrue();
    assertThat(fires("sel:\n  t|week: 20\ncondition: sel", event)).isTrue();
    assertThat(fires("sel:\n  t|month|gte: 5\ncondition: sel", event)).isTrue();
    assertThat(fires("sel:\n  t|year: 2024\ncondition: sel", "{\"t\": 1714557600}")).isTrue();
    assertThat(fires("sel:\n  t|minute: 0\ncondition: sel", "{\"t\": \"soon\"}")).isFalse();
  }

  @Test
  void encodingModifiersFindEncodedCommandLines() {
    // "powershell -enc" payloads: base64 of UTF-16LE text, found at any offset
    String wide = java.util.Base64.getEncoder().encodeToString("IEX (New-Object Net.WebClient)".getBytes(
        java.nio.charset.StandardCharsets.UTF_16LE));
    String rule = "sel:\n  c|wide|base64offset|contains: 'Net.WebClient'\ncondition: sel";
    assertThat(fires(rule, "{\"c\": \"powershell -enc " + wide + "\"}")).isTrue();
    String plain = java.util.Base64.getEncoder().encodeToString("xx ping -n 1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(fires("sel:\n  c|base64offset|contains: 'ping'\ncondition: sel", "{\"c\": \"" + plain + "\"}")).isTrue();
    assertThat(fires("sel:\n  c|base64offset|contains: 'pong'\ncondition: sel", "{\"c\": \"" + plain + "\"}")).isFalse();
  }

  @Test
  void windashCoversEveryDash() {
    String rule = "sel:\n  c|windash|contains: ' /zoneprint'\ncondition: sel";
    for (String dash : new String[] {"-", "/", "\u2013", "\u2014", "\u2015"}) {
      assertThat(fires(rule, "{\"c\": \"dnscmd " + dash + "ZonePrint corp\"}")).as(dash).isTrue();
    }
    assertThat(fires(rule, "{\"c\": \"dnscmd zoneprint\"}")).isFalse();
  }
}
