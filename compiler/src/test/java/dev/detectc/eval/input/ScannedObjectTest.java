package dev.detectc.eval.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScannedObjectTest {

  private static final FieldSelection SELECTED = FieldSelection.of(List.of("a", "b", "id.orig_h", "ts"));

  private static ObjectNode scan(String line, FieldSelection selection) {
    byte[] bytes = ("xx" + line + "yy").getBytes(StandardCharsets.UTF_8);
    // Offsets inside a larger buffer, as LineSource hands them over.
    return new ScannedObject(selection).read(bytes, 2, bytes.length - 4);
  }

  private static ObjectNode scan(String line) {
    return scan(line, SELECTED);
  }

  /** What the Jackson path (the reader's fallback) makes of the same line. */
  private static JsonNode jackson(String line, FieldSelection selection) throws IOException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return selection.keepsAll() ? EventJson.LINE.readTree(bytes) : PrunedObject.read(bytes, 0, bytes.length, selection);
  }

  private static void sameAsJackson(String line, FieldSelection selection) throws IOException {
    ObjectNode scanned = scan(line, selection);
    assertThat(scanned).as(line).isNotNull();
    assertThat(scanned).as(line).isEqualTo(jackson(line, selection));
  }

  @Test
  void keepsOnlySelectedKeysIncludingLiteralDottedAndNestedOnes() throws IOException {
    String line = "{\"ts\":1714557600.003,\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.1\",\"id\":{\"orig_h\":\"x\",\"n\":[1,{\"k\":2}]},"
        + "\"skipped\":{\"deep\":[[[]],{}],\"s\":\"\\\"}\"},\"a\":\"A\"}";
    ObjectNode node = scan(line);
    assertThat(node.toString()).isEqualTo(
        "{\"ts\":1.714557600003E9,\"id.orig_h\":\"10.0.0.1\",\"id\":{\"orig_h\":\"x\",\"n\":[1,{\"k\":2}]},\"a\":\"A\"}");
    assertThat(FieldPath.of("id.orig_h").get(node).textValue()).isEqualTo("10.0.0.1");
    sameAsJackson(line, SELECTED);
  }

  /**
   * The scanner remembers last line's bytes between values (separator, key, colon and blanks):
   * a line that repeats them with one blank more, a key longer by a suffix, or a value moved
   * into a skipped key must still read as a fresh scanner reads it.
   */
  @Test
  void rememberedSeparatorsNeverCarryOverWhatDiffers() {
    ScannedObject reused = new ScannedObject(SELECTED);
    String[] lines = {"{\"a\": 1, \"b\": \"x\"}", "{\"a\":  1, \"b\":\t\"x\"}", "{\"a\": 1, \"bb\": \"x\"}",
        "{\"aa\": 1, \"b\": \"x\"}", "{ \"a\": 1 , \"b\" : \"y\" }", "{\"a\": 1, \"b\": \"x\"}"};
    for (String line : lines) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertThat((JsonNode) reused.read(bytes, 0, bytes.length)).as(line)
          .isNotNull()
          .isEqualTo(new ScannedObject(SELECTED).read(bytes, 0, bytes.length));
    }
  }

  @Test
  void decodesEveryEscapeAndJoinsSurrogatePairs() throws IOException {
    String line = "{\"a\":\"q\\\"b\\\\s\\/f\\b\\f\\n\\r\\t\\u0041\\u00e9\\ud83d\\ude00\\uD83D\",\"b\":\"\\u0000\"}";
    ObjectNode node = scan(line);
    assertThat(node.get("a").textValue()).isEqualTo("q\"b\\s/f\b\f\n\r\tAé😀\uD83D");
    assertThat(node.get("b").textValue()).isEqualTo("\u0000");
    sameAsJackson(line, SELECTED);
  }

  @Test
  void aLongEscapedStringOutgrowsTheScratchBuffer() throws IOException {
    String line = "{\"a\":\"" + "x".repeat(300) + "\\n" + "y\\t".repeat(200) + "\"}";
    assertThat(scan(line).get("a").textValue()).hasSize(300 + 1 + 400);
    sameAsJackson(line, SELECTED);
  }

  @Test
  void emptyStringNullAndAbsentStayDistinct() throws IOException {
    ObjectNode node = scan("{\"a\":\"\",\"b\":null}");
    assertThat(node.get("a").isTextual()).isTrue();
    assertThat(node.get("a").textValue()).isEmpty();
    assertThat(node.get("b").isNull()).isTrue();
    assertThat(node.has("ts")).isFalse();
    sameAsJackson("{\"a\":\"\",\"b\":null}", SELECTED);
    sameAsJackson(" { } ", SELECTED);
  }

  @Test
  void theLastOfDuplicateKeysWinsAsInJackson() throws IOException {
    assertThat(scan("{\"a\":1,\"x\":0,\"a\":\"two\"}").get("a").textValue()).isEqualTo("two");
    sameAsJackson("{\"a\":1,\"x\":0,\"a\":\"two\"}", SELECTED);
    sameAsJackson("{\"a\":1,\"x\":0,\"a\":\"two\"}", FieldSelection.ALL);
  }

  @Test
  void numbersTakeJacksonsTypes() throws IOException {
    ObjectNode node = scan("{\"a\":[0,-0,7,-2147483648,2147483647,2147483648,-2147483649,123456789012345678],"
        + "\"b\":-0}");
    assertThat(node.get("b")).isEqualTo(IntNode.valueOf(0));
    assertThat(scan("{\"a\":2147483647}").get("a")).isEqualTo(IntNode.valueOf(Integer.MAX_VALUE));
    assertThat(scan("{\"a\":-2147483648}").get("a")).isEqualTo(IntNode.valueOf(Integer.MIN_VALUE));
    assertThat(scan("{\"a\":2147483648}").get("a")).isEqualTo(LongNode.valueOf(2147483648L));
    assertThat(scan("{\"a\":-123456789012345678}").get("a")).isEqualTo(LongNode.valueOf(-123456789012345678L));
    assertThat(scan("{\"a\":1.5}").get("a")).isEqualTo(DoubleNode.valueOf(1.5));
    assertThat(scan("{\"a\":-0.0}").get("a")).isEqualTo(DoubleNode.valueOf(-0.0));
    assertThat(scan("{\"a\":1E+2}").get("a")).isEqualTo(DoubleNode.valueOf(100));
    assertThat(scan("{\"a\":25e-1}").get("a")).isEqualTo(DoubleNode.valueOf(2.5));
    for (String number : List.of("0", "-0", "1.5", "-1.5e10", "1E+2", "1e-2", "0.000001", "2147483648", "-2147483649",
        "123456789012345678", "1.7976931348623157E308", "4.9E-324", "1714557600.003")) {
      sameAsJackson("{\"a\":" + number + ",\"x\":" + number + "}", SELECTED);
    }
    sameAsJackson(node.toString(), SELECTED);
  }

  @Test
  void integersBeyondEighteenDigitsAreLeftToJackson() throws IOException {
    assertThat(scan("{\"a\":1234567890123456789}")).isNull();
    assertThat(jackson("{\"a\":99999999999999999999}", SELECTED).get("a")).isInstanceOf(BigIntegerNode.class);
    assertThat(scan("{\"a\":99999999999999999999}")).isNull();
  }

  @Test
  void keepsEveryKeyWhenTheSelectionIsAll() throws IOException {
    String line = "{\"q\":\"x\",\"n\":[1,2.5,\"s\",null,true,false,{\"k\":{}}],\"id.orig_h\":\"h\",\"e\":\"\"}";
    assertThat(scan(line, FieldSelection.ALL).size()).isEqualTo(4);
    sameAsJackson(line, FieldSelection.ALL);
  }

  /** Each of these is either an error Jackson must report, or something the scanner leaves to Jackson. */
  @ParameterizedTest
  @ValueSource(strings = {
      "", "   ", "{", "}", "[1]", "\"s\"", "{\"a\":1,}", "{\"a\":1 \"b\":2}", "{\"a\" 1}", "{a:1}", "{\"a\":01}",
      "{\"a\":-}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":+1}", "{\"a\":0x10}", "{\"a\":NaN}",
      "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}", "{\"a\":\"x}", "{\"a\":\"x\\\"}", "{\"a\":\"\\x\"}",
      "{\"a\":\"\\u12G4\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"tab\there\"}", "{\"a\":1} x", "{\"a\":1}{\"b\":2}",
      "{\"x\":[1,}", "{\"x\":[1 2]}", "{\"x\":{\"k\"}}", "{\"x\":{\"k\":1,}}", "{\"x\":[}", "{\"x\":\"\\q\"}",
      "{\"a\\u0062\":1}", "{\"é\":1}", "{\"a\":\"é\"}", "{\"x\":\"é\"}", "{\"a\":[1,]}", "{\"a\":1}}",
      "{\"a\":1,\"b\"}", "{\"x\":'s'}", "{\"a\":\"line\nbreak\"}"})
  void leavesAnythingButPlainWellFormedJsonToJackson(String line) {
    assertThat(scan(line)).as(line).isNull();
    assertThat(scan(line, FieldSelection.ALL)).as(line).isNull();
  }

  @Test
  void deepNestingIsLeftToJackson() throws IOException {
    String deep = "{\"x\":" + "[".repeat(300) + "]".repeat(300) + ",\"a\":1}";
    assertThat(scan(deep)).isNull();
    String shallow = "{\"x\":" + "[".repeat(100) + "]".repeat(100) + ",\"a\":1}";
    sameAsJackson(shallow, SELECTED);
  }

  @Test
  void findsKeysThatShareASketchAndTheEmptyKey() {
    // Same length, first, middle and last chars: only the full comparison tells them apart.
    FieldSelection selection = FieldSelection.of(List.of("a1b2c"));
    assertThat(scan("{\"a9b8c\":1,\"a1b2c\":2,\"\":3}", selection).toString()).isEqualTo("{\"a1b2c\":2}");
    FieldSelection both = FieldSelection.of(List.of("a1b2c", "a9b8c", ""));
    assertThat(scan("{\"a9b8c\":1,\"a1b2c\":2,\"\":3}", both).toString())
        .isEqualTo("{\"a9b8c\":1,\"a1b2c\":2,\"\":3}");
  }

  @Test
  void findsKeysThatShareAHash() {
    // "Aa" and "BB" have the same String hash; only the selected one is kept.
    FieldSelection selection = FieldSelection.of(List.of("Aa"));
    assertThat(scan("{\"BB\":1,\"Aa\":2}", selection).toString()).isEqualTo("{\"Aa\":2}");
    FieldSelection both = FieldSelection.of(List.of("Aa", "BB"));
    assertThat(scan("{\"BB\":1,\"Aa\":2}", both).toString()).isEqualTo("{\"BB\":1,\"Aa\":2}");
  }

  @Test
  void keysRememberedFromEarlierLinesNeverAnswerForOtherBytes() {
    ScannedObject scanner = new ScannedObject(SELECTED);
    List<String> lines = List.of(
        "{\"a\":1,\"id.orig_h\":\"10.0.0.1\",\"zz\":2}",
        "{\"a\":1,\"id.orig_h\":\"10.0.0.1\",\"zz\":2}",
        // Same keys, other order; a key that extends a remembered one; a remembered key's prefix.
        "{\"id.orig_h\":\"10.0.0.2\",\"a\":3,\"zz\":4}",
        "{\"ab\":1,\"id.orig_h.x\":\"10.0.0.3\",\"z\":5}",
        "{\"a\":1,\"id.orig\":\"y\",\"b\":6}",
        // An escaped spelling of a remembered key goes to Jackson; a line cut inside a key too.
        "{\"\\u0061\":7}",
        "{\"a\":1,\"id.ori",
        "{\"a\":8,\"id.orig_h\":\"10.0.0.9\",\"zz\":2}");
    for (String line : lines) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      assertThat((JsonNode) scanner.read(bytes, 0, bytes.length)).as(line).isEqualTo(scan(line));
    }
    byte[] last = lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8);
    assertThat(scanner.read(last, 0, last.length).get("a").intValue()).isEqualTo(8);
  }
}
