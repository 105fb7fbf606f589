package dev.detectc.target;

import java.util.Objects;

/**
 * A rendered piece of a query: its text, how loosely it binds ({@link #ATOM} or the
 * precedence level of its top operator) and whether it can evaluate to null, which a
 * negation must turn into false first to keep Sigma's two-valued meaning.
 */
record Fragment(String text, int level, boolean nullable) {

  static final int ATOM = 0;

  Fragment {
    Objects.requireNonNull(text, "text");
  }
}
