package dev.detectc.eval.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.detectc.eval.input.EventTime;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two printed forms of an alert. JSONL carries {@code rule_id}, {@code name}, {@code title},
 * {@code level}, {@code file}, {@code line}, and for correlations {@code group}, {@code lines},
 * {@code first_time}, {@code last_time}, {@code value}. {@code lines} holds line numbers when
 * every contributing event is in {@code file}, and {@code "file:line"} strings otherwise.
 */
public final class AlertFormat {

  /**
   * Plain jackson-core writing: the same JSON an {@code ObjectNode} prints, without starting
   * databind's object mapper (a tenth of a second of start-up) or building a tree per alert.
   */
  private static final JsonFactory JSON = new JsonFactory();

  private AlertFormat() {}

  public static String jsonLine(Alert alert) {
    StringWriter out = new StringWriter(192);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("rule_id", alert.rule().idValue());
      json.writeStringField("name", alert.rule().nameValue());
      json.writeStringField("title", alert.rule().title());
      json.writeStringField("level", alert.rule().level());
      json.writeStringField("file", alert.event().file());
      json.writeNumberField("line", alert.event().line());
      if (alert.correlated().isPresent()) {
        writeCorrelated(json, alert.correlated().get(), alert.event().file());
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.toString();
  }

  private static void writeCorrelated(JsonGenerator json, Correlated correlated, String file) throws IOException {
    json.writeObjectFieldStart("group");
    for (Map.Entry<String, String> entry : correlated.group().entrySet()) {
      json.writeStringField(entry.getKey(), entry.getValue());
    }
    json.writeEndObject();
    json.writeArrayFieldStart("lines");
    boolean oneFile = correlated.lines().stream().allMatch(ref -> ref.file().equals(file));
    for (EventRef ref : correlated.lines()) {
      if (oneFile) {
        json.writeNumber(ref.line());
      } else {
        json.writeString(ref.toString());
      }
    }
    json.writeEndArray();
    json.writeStringField("first_time", EventTime.format(correlated.firstTime()));
    json.writeStringField("last_time", EventTime.format(correlated.lastTime()));
    json.writeNumberField("value", correlated.value());
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
