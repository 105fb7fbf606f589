package dev.detectc.target;

import java.util.Objects;

/**
 * A Sigma field as one query writes it: the escaped identifier or profile expression, its type,
 * where numeric comparisons go ({@code number}, itself by default) and its value set, if any.
 */
record ResolvedField(String sigma, String text, FieldType type, ResolvedField number, String valueSet) {

  ResolvedField {
    Objects.requireNonNull(sigma, "sigma");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(type, "type");
  }

  ResolvedField numeric() {
    return number == null ? this : number;
  }
}
