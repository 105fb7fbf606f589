package dev.detectc.eval.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.rule.RuleInfo;
import dev.detectc.source.SourcePosition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertFormatTest {

  private static RuleInfo rule(String title) {
    return new RuleInfo("r.yml", new SourcePosition(1, 1), title, null, null, null, null, null, null, null, List.of(),
        null, null, List.of(), null, List.of(), List.of(), List.of(), List.of(), Map.of());
  }

  @Test
  void aLogValueCannotBreakTheTextLine() {
    Correlated correlated = new Correlated(Map.of("user", "eve\nFAKE ALERT\u2028x\u0000"), List.of(new EventRef("e", 2)),
        0, 1_000_000, BigDecimal.ONE);
    String text = AlertFormat.text(new Alert(rule("t\tabs"), new EventRef("e", 2), Optional.of(correlated)));
    assertThat(text).doesNotContain("\n", "\t", "\u2028", "\u0000")
        .contains("{user=eve\\nFAKE ALERT\\u2028x\\u0000}").contains("alert t\\tabs");
  }

  @Test
  void jsonLinesKeepValuesExactAndNullsExplicit() throws Exception {
    String line = AlertFormat.jsonLine(new Alert(rule("quote \" and \n"), new EventRef("e", 7), Optional.empty()));
    assertThat(line).doesNotContain("\n");
    var node = new ObjectMapper().readTree(line);
    assertThat(node.get("title").asText()).isEqualTo("quote \" and \n");
    assertThat(node.get("name").isNull()).isTrue();
    assertThat(node.get("rule_id").isNull()).isTrue();
    assertThat(node.get("line").asLong()).isEqualTo(7);
  }

  @Test
  void correlatedJsonLinesPrintGroupLinesTimesAndValue() {
    Map<String, String> group = new java.util.LinkedHashMap<>();
    group.put("id.orig_h", "10.0.0.1");
    group.put("user", null);
    Correlated oneFile = new Correlated(group, List.of(new EventRef("e", 2), new EventRef("e", 5)), 1_000_000,
        2_500_000, new BigDecimal("1E+3"));
    assertThat(AlertFormat.jsonLine(new Alert(rule("t"), new EventRef("e", 5), Optional.of(oneFile)))).isEqualTo(
        "{\"rule_id\":null,\"name\":null,\"title\":\"t\",\"level\":null,\"file\":\"e\",\"line\":5,"
            + "\"group\":{\"id.orig_h\":\"10.0.0.1\",\"user\":null},\"lines\":[2,5],"
            + "\"first_time\":\"1970-01-01T00:00:01Z\",\"last_time\":\"1970-01-01T00:00:02.500Z\",\"value\":1E+3}");
    Correlated twoFiles = new Correlated(Map.of(), List.of(new EventRef("a", 1), new EventRef("b", 3)), 0, 0,
        new BigDecimal("2.50"));
    assertThat(AlertFormat.jsonLine(new Alert(rule("t"), new EventRef("b", 3), Optional.of(twoFiles))))
        .endsWith("\"group\":{},\"lines\":[\"a:1\",\"b:3\"],\"first_time\":\"1970-01-01T00:00:00Z\","
            + "\"last_time\":\"1970-01-01T00:00:00Z\",\"value\":2.50}");
  }
}
