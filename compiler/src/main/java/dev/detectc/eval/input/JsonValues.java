package dev.detectc.eval.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** How event values read as text and as numbers, the same for matchers and correlations. */
public final class JsonValues {

  private JsonValues() {}

  /** The text a string, number or boolean is compared by; null for null, objects and arrays. */
  public static String text(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber() || value.isBoolean()) {
      return value.asText();
    }
    return null;
  }

  /**
   * The number a JSON number or a numeric string ("252", "-1.5e3") stands for; null otherwise.
   * Strings are checked by hand first, since most values compared this way are not numbers;
   * only ASCII digits count (BigDecimal alone would also read other scripts' digits).
   */
  public static BigDecimal number(JsonNode value) {
    if (value.isNumber()) {
      return value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue()) ? null : value.decimalValue();
    }
    if (!value.isTextual() || !numeric(value.textValue())) {
      return null;
    }
    try {
      return new BigDecimal(value.textValue());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean numeric(String text) {
    int i = 0;
    int n = text.length();
    if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      i++;
    }
    int digits = 0;
    while (i < n && (ascii(text.charAt(i)) || text.charAt(i) == '.')) {
      digits += text.charAt(i) == '.' ? 0 : 1;
      i++;
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int exponent = 0;
      while (i < n && ascii(text.charAt(i))) {
        i++;
        exponent++;
      }
      if (exponent == 0 || exponent > 6) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean ascii(char c) {
    return c >= '0' && c <= '9';
  }
}
