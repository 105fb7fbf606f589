package dev.detectc.testing.spl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** A value in the interpreter: text, a number, a multivalue field or a Boolean; Java null is SPL's null. */
sealed interface Value permits Value.Text, Value.Num, Value.Multi, Value.Bool {

  /** A single string value. */
  record Text(String text) implements Value {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A number. */
  record Num(BigDecimal number) implements Value {
    public Num {
      Objects.requireNonNull(number, "number");
    }
  }

  /** A multivalue field (two or more values). */
  record Multi(List<String> values) implements Value {
    public Multi {
      values = List.copyOf(values);
    }
  }

  /** The result of a comparison or Boolean function. */
  record Bool(boolean truth) implements Value {}

  /** Every value as text: one for a single value, all of them for a multivalue field. */
  static List<String> texts(Value value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof Multi) {
      return ((Multi) value).values();
    }
    return List.of(text(value));
  }

  /** The text of a single value; a multivalue field or Boolean here is outside the modelled subset. */
  static String text(Value value) {
    if (value instanceof Text) {
      return ((Text) value).text();
    }
    if (value instanceof Num) {
      return ((Num) value).number().stripTrailingZeros().toPlainString();
    }
    throw new UnmodelledException("a " + value.getClass().getSimpleName() + " value where a single string is needed");
  }

  /** The number a value stands for, or null when it is not numeric (as Splunk's eval reads field text). */
  static BigDecimal number(Value value) {
    if (value instanceof Num) {
      return ((Num) value).number();
    }
    if (value instanceof Text) {
      String text = ((Text) value).text().trim();
      if (text.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
        return new BigDecimal(text);
      }
      return null;
    }
    if (value instanceof Multi) {
      throw new UnmodelledException("a multivalue field where a number is needed");
    }
    return null;
  }

  /** A field's value from its list of texts: null, one value, or a multivalue field. */
  static Value of(List<String> texts) {
    if (texts == null || texts.isEmpty()) {
      return null;
    }
    return texts.size() == 1 ? new Text(texts.get(0)) : new Multi(texts);
  }
}
