package dev.detectc.target;

import java.util.Objects;

/**
 * A rendered piece of an SPL condition: its text, whether it is compound (and so grouped when it
 * becomes an operand), and, for a single search-term equality, the field and value it tests so
 * that equalities on one field under OR can merge into {@code field IN (...)}.
 */
record SplText(String text, boolean compound, String field, String value) {

  SplText {
    Objects.requireNonNull(text, "text");
  }

  static SplText atom(String text) {
    return new SplText(text, false, null, null);
  }

  static SplText compound(String text) {
    return new SplText(text, true, null, null);
  }

  boolean mergeable() {
    return field != null;
  }
}
