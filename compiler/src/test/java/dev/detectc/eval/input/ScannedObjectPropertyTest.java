package dev.detectc.eval.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The byte scanner and the Jackson path agree: for random JSON object lines (keys from a small
 * pool so duplicates and dotted names occur, strings with every escape, surrogates and non-ASCII,
 * numbers in every JSON form, nesting, odd whitespace), whatever the scanner returns equals what
 * Jackson builds, and for randomly damaged lines the scanner never accepts one Jackson rejects.
 */
class ScannedObjectPropertyTest {

  private static final List<String> KEYS =
      List.of("a", "b", "id.orig_h", "id", "orig_h", "ts", "query", "x", "Aa", "BB", "", "a.b.c", "a.b",
          "answers.ttls", "event_data.QueryName");
  private static final FieldSelection SOME = FieldSelection.of(List.of("a", "id.orig_h", "ts", "Aa", "a.b.c", "event_data.QueryName"));
  private static final String[] PIECES = {"a", "Z", "0", " ", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t",
      "\\u0041", "\\u00E9", "\\ud83d\\ude00", "\\uDC00", "\\u0000", "é", "😀", "{", "}", "[", "]", ",", ":", "'"};
  private static final String[] NUMBERS = {"0", "-0", "7", "-12", "2147483647", "2147483648", "-2147483648",
      "-2147483649", "123456789012345678", "1234567890123456789", "99999999999999999999", "0.5", "-0.0", "1e3",
      "1E+3", "2.5e-3", "1714557600.003", "1.7976931348623157e308", "1e400", "4.9e-324"};
  private static final String DAMAGE = "{}[],:\"\\ x0-.e";
  private static final String[] BLANKS = {"", "", "", " ", "\t", "  ", "\r"};

  @Property(tries = 2000)
  void scannerAgreesWithJackson(@ForAll long seed) throws IOException {
    Random random = new Random(seed);
    String line = object(random, 0);
    for (FieldSelection selection : List.of(SOME, FieldSelection.ALL)) {
      JsonNode scanned = scan(line, selection);
      if (scanned != null) {
        assertThat(scanned).as(line).isEqualTo(jackson(line, selection));
      } else {
        // Only non-ASCII text and integers too big for a long are left to Jackson in these lines.
        assertThat(line).as("a plain line the scanner left").matches("(?s).*([^\\x00-\\x7f]|\\d{19}).*");
      }
    }
  }

  @Property(tries = 2000)
  void scannerNeverAcceptsWhatJacksonRejects(@ForAll long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder line = new StringBuilder(object(random, 0));
    int position = random.nextInt(line.length() + 1);
    switch (random.nextInt(3)) {
      case 0 -> line.insert(position, DAMAGE.charAt(random.nextInt(DAMAGE.length())));
      case 1 -> line.deleteCharAt(Math.min(position, line.length() - 1));
      default -> line.setLength(position);
    }
    String damaged = line.toString();
    for (FieldSelection selection : List.of(SOME, FieldSelection.ALL)) {
      JsonNode scanned = scan(damaged, selection);
      if (scanned != null) {
        assertThat(scanned).as(damaged).isEqualTo(jackson(damaged, selection));
      }
    }
  }

  /**
   * One scanner reading many lines (as a reader does) answers each exactly as a fresh one: what it
   * remembers of earlier lines (their keys) never leaks into a later one. Lines repeat and share
   * prefixes, some damaged, so remembered keys are met both at matching and at shifted places.
   */
  @Property(tries = 300)
  void aScannerReadingManyLinesAnswersAsAFreshOne(@ForAll long seed) {
    Random random = new Random(seed);
    List<String> lines = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String line = random.nextInt(3) == 0 && !lines.isEmpty() ? lines.get(random.nextInt(lines.size())) : object(random, 0);
      if (random.nextInt(4) == 0 && line.length() > 2) {
        line = line.substring(0, random.nextInt(line.length()));
      }
      lines.add(line);
    }
    for (FieldSelection selection : List.of(SOME, FieldSelection.ALL)) {
      ScannedObject reused = new ScannedObject(selection);
      for (String line : lines) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertThat((JsonNode) reused.read(bytes, 0, bytes.length)).as(line).isEqualTo(scan(line, selection));
      }
    }
  }

  /**
   * A line read from inside a larger buffer, as the line reader hands them (at any offset, with
   * the rest of the file after it), reads as the same line alone. The scanner compares and
   * searches eight bytes at a time and so looks past the line's end: what lies there (here the
   * rest of a line cut short, so a key or string seems to go on, or random bytes) must never
   * change an answer. One scanner reads every line, so remembered keys meet cut-off copies.
   */
  @Property(tries = 500)
  void aLineInsideALargerBufferReadsAsItDoesAlone(@ForAll long seed) {
    Random random = new Random(seed);
    for (FieldSelection selection : List.of(SOME, FieldSelection.ALL)) {
      ScannedObject reused = new ScannedObject(selection);
      String previous = object(random, 0);
      for (int i = 0; i < 8; i++) {
        String whole = random.nextBoolean() ? previous : object(random, 0);
        previous = whole;
        byte[] bytes = whole.getBytes(StandardCharsets.UTF_8);
        int length = random.nextInt(3) == 0 ? random.nextInt(bytes.length + 1) : bytes.length;
        int offset = random.nextInt(20);
        byte[] buffer = new byte[offset + bytes.length + random.nextInt(20)];
        random.nextBytes(buffer);
        System.arraycopy(bytes, 0, buffer, offset, bytes.length);
        String line = new String(bytes, 0, length, StandardCharsets.UTF_8);
        JsonNode alone = new ScannedObject(selection).read(bytes, 0, length);
        assertThat((JsonNode) reused.read(buffer, offset, length)).as(line).isEqualTo(alone);
      }
    }
  }

  @Property(tries = 200)
  void aDamagedLineTheScannerLeavesIsAnErrorOrReadAlike(@ForAll long seed) {
    String damaged = object(new Random(seed), 0) + ",";
    assertThat(scan(damaged, SOME)).isNull();
    assertThatThrownBy(() -> jackson(damaged, SOME)).isInstanceOf(IOException.class);
  }

  private static JsonNode scan(String line, FieldSelection selection) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return new ScannedObject(selection).read(bytes, 0, bytes.length);
  }

  private static JsonNode jackson(String line, FieldSelection selection) throws IOException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return selection.keepsAll() ? EventJson.LINE.readTree(bytes) : PrunedObject.read(bytes, 0, bytes.length, selection);
  }

  private static String object(Random random, int depth) {
    StringBuilder out = new StringBuilder(blank(random)).append('{');
    int members = random.nextInt(depth == 0 ? 8 : 4);
    for (int i = 0; i < members; i++) {
      out.append(i == 0 ? "" : ",").append(blank(random)).append('"').append(KEYS.get(random.nextInt(KEYS.size())))
          .append('"').append(blank(random)).append(':').append(blank(random)).append(value(random, depth))
          .append(blank(random));
    }
    return out.append('}').append(blank(random)).toString();
  }

  private static String value(Random random, int depth) {
    switch (random.nextInt(depth > 3 ? 4 : 6)) {
      case 0:
        return string(random);
      case 1:
        return random.nextBoolean() ? NUMBERS[random.nextInt(NUMBERS.length)] : decimal(random);
      case 2:
        return List.of("true", "false", "null").get(random.nextInt(3));
      case 3:
        return random.nextBoolean() ? string(random) : "\"\"";
      case 4:
        return object(random, depth + 1);
      default:
        StringBuilder array = new StringBuilder("[");
        int elements = random.nextInt(4);
        for (int i = 0; i < elements; i++) {
          array.append(i == 0 ? "" : ",").append(blank(random)).append(value(random, depth + 1));
        }
        return array.append(blank(random)).append(']').toString();
    }
  }

  /** A random decimal of 1 to 20 digits around the point, so both the exact and the parsed double paths run. */
  private static String decimal(Random random) {
    StringBuilder out = new StringBuilder(random.nextBoolean() ? "-" : "");
    out.append(random.nextInt(4) == 0 ? 0 : Math.abs(random.nextLong() % (long) Math.pow(10, 1 + random.nextInt(12))));
    out.append('.');
    int fraction = 1 + random.nextInt(8);
    for (int i = 0; i < fraction; i++) {
      out.append(random.nextInt(10));
    }
    return out.toString();
  }

  private static String string(Random random) {
    StringBuilder out = new StringBuilder("\"");
    int pieces = random.nextInt(6);
    for (int i = 0; i < pieces; i++) {
      // Mostly plain text, so that most lines are ASCII and reach the scanner's own decoding.
      out.append(random.nextInt(3) == 0 ? PIECES[random.nextInt(PIECES.length)] : "host" + random.nextInt(100));
    }
    return out.append('"').toString();
  }

  private static String blank(Random random) {
    return BLANKS[random.nextInt(BLANKS.length)];
  }
}
