package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.FieldPath;
import dev.detectc.ir.MatchKind;
import java.util.Locale;

/** The field's text compared with another field's text in the same event ({@code |fieldref}). */
final class FieldRefMatcher implements EventMatcher {

  private final FieldPath field;
  private final FieldPath other;
  private final MatchKind kind;
  private final boolean cased;

  FieldRefMatcher(FieldPath field, FieldPath other, MatchKind kind, boolean cased) {
    this.field = field;
    this.other = other;
    this.kind = kind;
    this.cased = cased;
  }

  @Override
  public boolean matches(JsonNode event) {
    JsonNode reference = other.get(event);
    if (reference == null) {
      return false;
    }
    return Values.anyText(field.get(event), value -> Values.anyText(reference,
        wanted -> TextTest.literal(kind, fold(value), fold(wanted))));
  }

  private String fold(String text) {
    return cased ? text : text.toLowerCase(Locale.ROOT);
  }
}
