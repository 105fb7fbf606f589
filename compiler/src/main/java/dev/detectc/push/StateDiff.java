package dev.detectc.push;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the fields detectc manages with what a SIEM holds. Only fields present in the desired
 * body count, at every depth (servers add ids, timestamps and defaults); arrays compare element
 * by element. Values that mean the same compare equal: numbers by value, line endings, ISO-8601
 * durations ({@code PT60M} = {@code PT1H}) and, for Splunk's form fields, {@code "1"} = {@code true}
 * = {@code "true"} and {@code "4"} = {@code 4}.
 */
public final class StateDiff {

  /** How loosely scalars compare. */
  public enum Leniency {
    /** JSON APIs: types must agree, apart from the normalisations above. */
    JSON,
    /** Splunk: we send strings, it answers with typed JSON. */
    SPLUNK_FORM
  }

  private static final Set<String> SPLUNK_TRUE = Set.of("1", "true", "t", "yes", "y", "on");
  private static final Set<String> SPLUNK_FALSE = Set.of("0", "false", "f", "no", "n", "off");

  private final Leniency leniency;

  public StateDiff(Leniency leniency) {
    this.leniency = leniency;
  }

  /** The managed fields whose values differ, in the desired body's order. */
  public List<FieldChange> diff(JsonNode desired, JsonNode actual) {
    List<FieldChange> changes = new ArrayList<>();
    compareObject("", desired, actual, changes);
    return List.copyOf(changes);
  }

  private void compareObject(String prefix, JsonNode desired, JsonNode actual, List<FieldChange> changes) {
    for (Iterator<Map.Entry<String, JsonNode>> fields = desired.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode want = field.getValue();
      JsonNode have = actual == null || !actual.isObject() ? null : actual.get(field.getKey());
      compare(path, want, have, changes);
    }
  }

  private void compare(String path, JsonNode want, JsonNode have, List<FieldChange> changes) {
    boolean absent = have == null || have.isMissingNode() || have.isNull();
    if (want.isNull()) {
      if (!absent) {
        changes.add(new FieldChange(path, Optional.of(have), want));
      }
    } else if (absent) {
      changes.add(new FieldChange(path, Optional.empty(), want));
    } else if (want.isObject() && have.isObject()) {
      compareObject(path, want, have, changes);
    } else if (want.isArray() && have.isArray() && want.size() == have.size()) {
      List<FieldChange> inner = new ArrayList<>();
      for (int i = 0; i < want.size(); i++) {
        compare(path + "[" + i + "]", want.get(i), have.get(i), inner);
      }
      changes.addAll(inner);
    } else if (!sameScalar(want, have)) {
      changes.add(new FieldChange(path, Optional.of(have), want));
    }
  }

  private boolean sameScalar(JsonNode want, JsonNode have) {
    if (want.isContainerNode() || have.isContainerNode()) {
      return false;
    }
    if (want.isNumber() && have.isNumber()) {
      return want.decimalValue().compareTo(have.decimalValue()) == 0;
    }
    if (want.isTextual() && have.isTextual()) {
      String a = lineEndings(want.textValue());
      String b = lineEndings(have.textValue());
      return a.equals(b) || sameDuration(a, b) || leniency == Leniency.SPLUNK_FORM && sameSplunkBoolean(a, b);
    }
    if (leniency == Leniency.SPLUNK_FORM) {
      return sameSplunkValue(want.asText(), have);
    }
    return want.equals(have);
  }

  private static boolean sameSplunkValue(String want, JsonNode have) {
    if (have.isBoolean()) {
      String lower = want.strip().toLowerCase(Locale.ROOT);
      return have.booleanValue() ? SPLUNK_TRUE.contains(lower) : SPLUNK_FALSE.contains(lower);
    }
    if (have.isNumber()) {
      try {
        return new BigDecimal(want.strip()).compareTo(have.decimalValue()) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return lineEndings(want).equals(lineEndings(have.asText()));
  }

  /**
   * Two spellings of one conf boolean ({@code "1"} and {@code "true"}). Some settings are typed as
   * strings in the JSON answer rather than as booleans (terraform-provider-splunk's model types
   * {@code alert.track} as a string, since it also takes {@code auto}), so the answer may spell
   * the value differently from the form field we sent. Both must be boolean spellings.
   */
  private static boolean sameSplunkBoolean(String want, String have) {
    String a = want.strip().toLowerCase(Locale.ROOT);
    String b = have.strip().toLowerCase(Locale.ROOT);
    return SPLUNK_TRUE.contains(a) && SPLUNK_TRUE.contains(b) || SPLUNK_FALSE.contains(a) && SPLUNK_FALSE.contains(b);
  }

  private static String lineEndings(String text) {
    return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
  }

  private static boolean sameDuration(String a, String b) {
    if (!a.startsWith("P") || !b.startsWith("P")) {
      return false;
    }
    try {
      return Duration.parse(a).equals(Duration.parse(b));
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
