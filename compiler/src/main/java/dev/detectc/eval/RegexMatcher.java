package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import dev.detectc.eval.input.FieldPath;

/** A regular expression found anywhere in the field's text (substring semantics, Sigma 2.2). */
final class RegexMatcher implements EventMatcher {

  private final FieldPath field;
  private final MatchCache found;

  RegexMatcher(FieldPath field, Pattern pattern) {
    this.field = field;
    this.found = new MatchCache(text -> pattern.matcher(text).find());
  }

  @Override
  public boolean matches(JsonNode event) {
    return Values.anyText(field.get(event), found);
  }
}
