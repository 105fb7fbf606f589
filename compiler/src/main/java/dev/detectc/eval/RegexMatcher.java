package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import dev.detectc.eval.input.FieldPath;
import java.util.function.Predicate;

/** A regular expression found anywhere in the field's text (substring semantics, Sigma 2.2). */
final class RegexMatcher implements EventMatcher {

  private final FieldPath field;
  private final MatchCache cached;
  private final int shortest;
  /** Made once: a method reference taken per call would be a new object per event. */
  private final Predicate<String> found = this::found;

  RegexMatcher(FieldPath field, Pattern pattern) {
    this.field = field;
    this.cached = new MatchCache(text -> pattern.matcher(text).find());
    this.shortest = RegexLength.minimum(pattern.pattern());
  }

  @Override
  public boolean matches(JsonNode event) {
    return Values.anyText(field.get(event), found);
  }

  /** A value shorter than any match cannot hold one; the length test spares the cache and the automaton. */
  private boolean found(String text) {
    return text.length() >= shortest && cached.test(text);
  }
}
