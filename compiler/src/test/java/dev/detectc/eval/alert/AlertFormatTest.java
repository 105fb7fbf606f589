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
}
