package dev.detectc.eval.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detectc.eval.input.EventTime;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two printed forms of an alert. JSONL carries {@code rule_id}, {@code name}, {@code title},
 * {@code level}, {@code file}, {@code line}, and for correlations {@code group}, {@code lines},
 * {@code first_time}, {@code last_time}, {@code value}. {@code lines} holds line numbers when
 * every contributing event is in {@code file}, and {@code "file:line"} strings otherwise.
 */
public final class AlertFormat {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertFormat() {}

  public static String jsonLine(Alert alert) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rule_id", alert.rule().idValue());
    node.put("name", alert.rule().nameValue());
    node.put("title", alert.rule().title());
    node.put("level", alert.rule().level());
    node.put("file", alert.event().file());
    node.put("line", alert.event().line());
    alert.correlated().ifPresent(correlated -> {
      ObjectNode group = node.putObject("group");
      correlated.group().forEach(group::put);
      ArrayNode lines = node.putArray("lines");
      boolean oneFile = correlated.lines().stream().allMatch(ref -> ref.file().equals(alert.event().file()));
      correlated.lines().forEach(ref -> {
        if (oneFile) {
          lines.add(ref.line());
        } else {
          lines.add(ref.toString());
        }
      });
      node.put("first_time", EventTime.format(correlated.firstTime()));
      node.put("last_time", EventTime.format(correlated.lastTime()));
      node.put("value", correlated.value());
    });
    return node.toString();
  }

  /**
   * One readable line: level, rule, where, and for correlations group, value and span. Control
   * characters from the rule or the log (a newline in a group value) are escaped, so one alert
   * stays one line.
   */
  public static String text(Alert alert) {
    return oneLine(readable(alert));
  }

  private static String readable(Alert alert) {
    StringBuilder text = new StringBuilder();
    text.append(alert.event()).append(": ").append(alert.rule().level() == null ? "alert" : alert.rule().level())
        .append(' ').append(alert.ruleName());
    if (!alert.ruleName().equals(alert.rule().title())) {
      text.append(" (").append(alert.rule().title()).append(')');
    }
    alert.correlated().ifPresent(correlated -> {
      text.append(" group {").append(correlated.group().entrySet().stream()
          .map(Map.Entry::toString).collect(Collectors.joining(", "))).append('}');
      text.append(" value ").append(correlated.value().toPlainString());
      text.append(" from ").append(EventTime.format(correlated.firstTime()))
          .append(" to ").append(EventTime.format(correlated.lastTime()));
      text.append(" events ").append(correlated.lines().size());
    });
    return text.toString();
  }

  static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
