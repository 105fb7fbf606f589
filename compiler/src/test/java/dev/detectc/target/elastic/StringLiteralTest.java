package dev.detectc.target.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.ir.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EQL and ES|QL string literals and identifiers, character by character. */
class StringLiteralTest {

  @Test
  void everyCharacterDecodesBackInEql() {
    for (int c = 0; c < 0x80; c++) {
      String value = "a" + (char) c + "\"b\\";
      String literal = EqlText.string(value);
      LiteralReader.Read read = LiteralReader.eql(literal, 0);
      assertThat(read.value()).as("char %d", c).isEqualTo(value);
      assertThat(read.end()).as("char %d", c).isEqualTo(literal.length());
    }
  }

  @Test
  void everyCharacterDecodesBackInEsql() {
    for (int c = 0; c < 0x80; c++) {
      String value = "a" + (char) c + "\"b\\";
      String literal = EsqlText.string(value);
      LiteralReader.Read read = LiteralReader.esql(literal, 0);
      assertThat(read.value()).as("char %d", c).isEqualTo(value);
      assertThat(read.end()).as("char %d", c).isEqualTo(literal.length());
      assertThat(literal).as("ES|QL forbids raw CR and LF in strings").doesNotContain("\n", "\r");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", value = {
      "x\"y => \"x\\\"y\"", "back\\slash => \"back\\\\slash\"", "tab\there => \"tab\\there\""})
  void exactLiterals(String value, String expected) {
    assertThat(EqlText.string(value)).isEqualTo(expected);
    assertThat(EsqlText.string(value)).isEqualTo(expected);
  }

  @Test
  void eqlEscapesOtherControlCharactersAsUnicode() {
    assertThat(EqlText.string("\u0001")).isEqualTo("\"\\u{1}\"");
    assertThat(EsqlText.string("\u0001")).isEqualTo("\"\u0001\"");
  }

  @Test
  void wildcardPatternsEscapeLiteralWildcardsAndBackslashes() {
    assertThat(WildcardText.of(Pattern.parse("*a\\*b?c\\d*"))).isEqualTo("*a\\*b?c\\\\d*");
    assertThat(EqlText.wildcard(Pattern.parse("*\\cmd.exe"))).isEqualTo("\"*\\\\\\\\cmd.exe\"");
    assertThat(EsqlText.like(Pattern.parse("a\\*b*"))).isEqualTo("\"a\\\\*b*\"");
  }

  @ParameterizedTest
  @CsvSource(delimiterString = "=>", value = {
      "process.name => process.name => process.name",
      "id.orig_h => id.orig_h => id.orig_h",
      "@timestamp => `@timestamp` => @timestamp",
      "my-field => `my-field` => `my-field`",
      "a`b => `a``b` => `a``b`",
      "6field => `6field` => `6field`",
      "event.not => `event.not` => `event.not`",
      "Some Field => `Some Field` => `Some Field`"})
  void identifiersAreQuotedOnlyWhenNeeded(String name, String eql, String esql) {
    assertThat(EqlText.field(name)).isEqualTo(eql);
    assertThat(EsqlText.field(name)).isEqualTo(esql);
  }
}
