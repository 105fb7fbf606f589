package dev.detectc.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.ir.MatchKind;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ASCII shortcut of case-insensitive literal tests answers as lowercasing with Locale.ROOT
 * does: always for ASCII values, for any value whose length differs from an ASCII literal's in
 * an equality test, and for other values whenever it answers at all (a prefix or suffix test
 * whose end of the value is ASCII).
 */
class TextTestPropertyTest {

  @Provide
  Arbitrary<String> texts() {
    // Letters whose case rules trip naive folding: dotted and dotless i, Kelvin sign, long s, final
    // sigma, and a supplementary capital (Deseret), whose lowercase is two chars again.
    return Arbitraries.of("a", "A", "b", "B", "z", "Z", "i", "I", "k", "K", "s", "S", ".", "-", "@", "[", "`", "{",
        "\u0130", "\u0131", "\u212A", "\u017F", "\u03A3", "é", "É", "ß", "\uD801\uDC00")
        .list().ofMaxSize(6).map(parts -> String.join("", parts));
  }

  @Property(tries = 3000)
  void asciiFoldingAgreesWithLowercasing(@ForAll MatchKind kind, @ForAll("texts") String value, @ForAll("texts") String pattern) {
    String literal = pattern.toLowerCase(Locale.ROOT);
    boolean literalAscii = literal.chars().allMatch(c -> c < 0x80);
    int folded = TextTest.asciiFolded(kind, value, literal, literalAscii);
    boolean expected = TextTest.literal(kind, value.toLowerCase(Locale.ROOT), literal);
    if (value.chars().allMatch(c -> c < 0x80)) {
      assertThat(folded).as(kind + " " + value + " " + literal).isEqualTo(expected ? 1 : 0);
    } else if (kind == MatchKind.EQUALS && literalAscii && value.length() != literal.length()) {
      // Any value, however it lowercases, is answered when its length differs from an ASCII literal's.
      assertThat(folded).as(kind + " " + value + " " + literal).isEqualTo(expected ? 1 : 0);
    } else if (kind == MatchKind.STARTS_WITH || kind == MatchKind.ENDS_WITH) {
      assertThat(folded).as(kind + " " + value + " " + literal).isIn(-1, expected ? 1 : 0);
    } else {
      assertThat(folded).isEqualTo(-1);
    }
  }
}
