package dev.detectc.eval.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FieldPathTest {

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void literalDottedKeyComesFirstThenNestedPaths() throws Exception {
    assertThat(FieldPath.of("id.orig_h").get(json("{\"id.orig_h\": \"a\", \"id\": {\"orig_h\": \"b\"}}")).textValue())
        .isEqualTo("a");
    assertThat(FieldPath.of("id.orig_h").get(json("{\"id\": {\"orig_h\": \"b\"}}")).textValue()).isEqualTo("b");
    assertThat(FieldPath.of("a.b.c").get(json("{\"a.b\": {\"c\": 1}}")).intValue()).isEqualTo(1);
    assertThat(FieldPath.of("a.b.c").get(json("{\"a\": {\"b.c\": 2}}")).intValue()).isEqualTo(2);
    assertThat(FieldPath.of("a.b.c").get(json("{\"a\": {\"b\": {\"c\": 3}}}")).intValue()).isEqualTo(3);
    assertThat(FieldPath.of("a.b").get(json("{\"a\": \"x\"}"))).isNull();
    assertThat(FieldPath.of("a").get(json("{\"a\": null}")).isNull()).isTrue();
  }

  @Test
  void arraysOnThePathGatherEveryElement() throws Exception {
    JsonNode found = FieldPath.of("answers.rdata").get(json(
        "{\"answers\": [{\"rdata\": \"1.2.3.4\"}, {\"type\": \"A\"}, {\"rdata\": [\"5.6.7.8\"]}]}"));
    assertThat(found).hasSize(2);
    assertThat(found.get(1).textValue()).isEqualTo("5.6.7.8");
    assertThat(FieldPath.of("answers.rdata").get(json("{\"answers\": [{\"type\": \"A\"}]}"))).isNull();
  }
}
