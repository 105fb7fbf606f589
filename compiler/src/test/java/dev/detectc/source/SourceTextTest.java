package dev.detectc.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceTextTest {

  @Test
  void everyKindOfLineBreakEndsALine() {
    SourceText text = SourceText.of("f.yml", "a: 1\r\nb: 2\rc: 3\nd: 4");
    assertThat(text.lines()).containsExactly("a: 1", "b: 2", "c: 3", "d: 4");
    assertThat(text.line(2)).isEqualTo("b: 2");
  }

  @Test
  void aTrailingBreakLeavesAnEmptyLastLineAndOutOfRangeIsEmpty() {
    SourceText text = SourceText.of("f.yml", "a\n\nb\n");
    assertThat(text.lines()).containsExactly("a", "", "b", "");
    assertThat(text.line(0)).isEmpty();
    assertThat(text.line(5)).isEmpty();
  }

  @Test
  void normalizingKeepsTextWithoutCarriageReturnsAsTheSameString() {
    String plain = "a\nb";
    assertThat(SourceText.normalizeLineBreaks(plain)).isSameAs(plain);
    assertThat(SourceText.normalizeLineBreaks("a\r\n\r\nb\r")).isEqualTo("a\n\nb\n");
  }
}
