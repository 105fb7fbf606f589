package dev.detectc.eval.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the selected top-level keys of one JSON object line straight from its bytes, without a
 * Jackson parser: keys are matched as bytes against {@link FieldSelection}, unselected values are
 * checked for syntax and skipped without being decoded. It builds the very nodes Jackson would
 * (ints that fit as {@link IntNode}, then {@link LongNode}, fractions as {@link DoubleNode}, the
 * last of duplicate keys wins), so matchers cannot tell which reader ran.
 *
 * <p>It covers the common case only. A line holding anything else (a non-ASCII byte, an escaped
 * key, an integer of more than 18 digits, deep nesting, any syntax error) makes {@link #read}
 * return null, and the caller reads the line with Jackson, which either handles it or reports the
 * error with its position. So this class never has to decide what is malformed, only what is
 * plainly well-formed; selected nested objects and arrays are also handed to Jackson.
 */
final class ScannedObject {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Limits well inside Jackson's own (nesting 1000, names 50,000, numbers 1,000 characters). */
  private static final int MAX_DEPTH = 200;
  private static final int MAX_KEY = 1024;
  private static final int MAX_NUMBER = 64;
  private static final int MAX_INT_DIGITS = 18;

  /** Up to 15 digits make an integer below 2^53, exact as a double; so is every power of ten to 10^22. */
  private static final int EXACT_DIGITS = 15;
  private static final double[] POWERS_OF_TEN = new double[EXACT_DIGITS + 1];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  /** Thrown to leave the fast path; shared and without a stack trace, so leaving costs nothing. */
  private static final class Unhandled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unhandled() {
      super(null, null, false, false);
    }
  }

  private static final Unhandled UNHANDLED = new Unhandled();

  private final FieldSelection selection;
  private byte[] bytes;
  private int position;
  private int end;
  private char[] scratch = new char[128];

  /** The previous line's separators and keys, by position; see {@link KeyMemory}. */
  private final KeyMemory memory = new KeyMemory();

  ScannedObject(FieldSelection selection) {
    this.selection = selection;
  }

  /** The selected fields of the object in {@code bytes[start, start + length)}, or null to let Jackson read it. */
  ObjectNode read(byte[] buffer, int start, int length) {
    bytes = buffer;
    position = start;
    end = start + length;
    try {
      return object();
    } catch (Unhandled e) {
      return null;
    } finally {
      bytes = null;
    }
  }

  private ObjectNode object() {
    skipBlanks();
    expect('{');
    // Kept keys are FieldSelection's own instances, so the fields can take them by identity.
    FewFields fields = selection.keepsAll() ? null : new FewFields();
    ObjectNode object = fields == null ? NODES.objectNode() : new ObjectNode(NODES, fields);
    for (int index = 0; ; index++) {
      // From the opening brace or the end of a value to the start of the next value.
      int from = position;
      String key;
      int skipped = memory.skip(index, bytes, position, end);
      if (skipped >= 0) {
        // A span ends in the blanks before its value, skipped greedily: this line may have more.
        position = skipped;
        skipBlanks();
        key = memory.answer(index);
      } else {
        skipBlanks();
        if (index > 0) {
          byte next = take();
          if (next == '}') {
            break;
          }
          if (next != ',') {
            throw UNHANDLED;
          }
          skipBlanks();
        } else if (peek() == '}') {
          position++;
          break;
        }
        expect('"');
        key = scannedKey();
        skipBlanks();
        expect(':');
        skipBlanks();
        memory.remember(index, bytes, from, position, key);
      }
      if (key == null) {
        skipValue(0);
      } else if (fields != null) {
        fields.putCanonical(key, value());
      } else {
        object.set(key, value());
      }
    }
    skipBlanks();
    if (position != end) {
      throw UNHANDLED;
    }
    return object;
  }

  /**
   * After a key's opening quote: the selection's own String for a kept key, or null to skip its
   * value (with every key kept, a new String).
   */
  private String scannedKey() {
    int start = position;
    position = plainRun(start);
    if (peek() != '"') {
      // Control bytes are errors, escapes and non-ASCII (negative bytes) are left to Jackson.
      throw UNHANDLED;
    }
    int length = position - start;
    position++;
    if (length > MAX_KEY) {
      throw UNHANDLED;
    }
    String kept = selection.keptKey(bytes, start, length);
    if (kept == null && selection.keepsAll()) {
      return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    }
    return kept;
  }

  private JsonNode value() {
    byte b = peek();
    switch (b) {
      case '"':
        position++;
        return TextNode.valueOf(string());
      case 't':
        literal("true");
        return BooleanNode.TRUE;
      case 'f':
        literal("false");
        return BooleanNode.FALSE;
      case 'n':
        literal("null");
        return NullNode.getInstance();
      case '{':
      case '[':
        return nested();
      default:
        return number(true);
    }
  }

  /** A selected object or array: its extent is checked here, its nodes are Jackson's. */
  private JsonNode nested() {
    int start = position;
    skipValue(0);
    try {
      return EventJson.ELEMENT.readTree(bytes, start, position - start);
    } catch (IOException e) {
      throw UNHANDLED;
    }
  }

  /** After the opening quote: the decoded string, the closing quote consumed. */
  private String string() {
    int start = position;
    position = plainRun(start);
    byte b = peek();
    if (b == '"') {
      String text = new String(bytes, start, position - start, StandardCharsets.ISO_8859_1);
      position++;
      return text;
    }
    if (b == '\\') {
      return escapedString(start);
    }
    throw UNHANDLED;
  }

  /** The slow half of {@link #string()}: ASCII from {@code start} up to the first backslash is already scanned. */
  private String escapedString(int start) {
    int length = 0;
    for (int i = start; i < position; i++) {
      scratch = room(length);
      scratch[length++] = (char) bytes[i];
    }
    while (true) {
      byte b = take();
      if (b == '"') {
        return new String(scratch, 0, length);
      }
      if (b < 0x20) {
        throw UNHANDLED;
      }
      scratch = room(length);
      scratch[length++] = b == '\\' ? escape() : (char) b;
    }
  }

  private char[] room(int length) {
    if (length < scratch.length) {
      return scratch;
    }
    char[] bigger = new char[scratch.length * 2];
    System.arraycopy(scratch, 0, bigger, 0, length);
    return bigger;
  }

  /**
   * After a backslash: the character it stands for. A {@code \\uXXXX} half of a surrogate pair
   * stays one char, so a pair written as two escapes joins into one code point as in Jackson.
   */
  private char escape() {
    byte b = take();
    switch (b) {
      case '"':
      case '\\':
      case '/':
        return (char) b;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        int code = 0;
        for (int i = 0; i < 4; i++) {
          code = code << 4 | hex(take());
        }
        return (char) code;
      default:
        throw UNHANDLED;
    }
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    throw UNHANDLED;
  }

  /**
   * A JSON number as Jackson types it: int, long or double (bigger integers go to Jackson); with
   * {@code build} false only its syntax is checked and null returned, for a skipped value.
   */
  private JsonNode number(boolean build) {
    int start = position;
    boolean negative = peek() == '-';
    if (negative) {
      position++;
    }
    int digitsStart = position;
    long integer = 0;
    while (position < end && isDigit(bytes[position])) {
      integer = integer * 10 + (bytes[position] - '0');
      position++;
    }
    int digits = position - digitsStart;
    if (digits == 0 || digits > 1 && bytes[digitsStart] == '0') {
      throw UNHANDLED;
    }
    boolean fraction = false;
    int fractionDigits = 0;
    if (position < end && bytes[position] == '.') {
      position++;
      int fractionStart = position;
      requireDigits();
      fraction = true;
      fractionDigits = position - fractionStart;
      for (int i = fractionStart; i < position && digits + fractionDigits <= EXACT_DIGITS; i++) {
        integer = integer * 10 + (bytes[i] - '0');
      }
    }
    boolean exponent = false;
    if (position < end && (bytes[position] == 'e' || bytes[position] == 'E')) {
      position++;
      if (position < end && (bytes[position] == '+' || bytes[position] == '-')) {
        position++;
      }
      requireDigits();
      fraction = true;
      exponent = true;
    }
    if (position - start > MAX_NUMBER) {
      throw UNHANDLED;
    }
    if (!build) {
      return null;
    }
    if (fraction) {
      if (!exponent && digits + fractionDigits <= EXACT_DIGITS) {
        // Both integer and power of ten are exact doubles, so one correctly rounded division
        // gives the double nearest the decimal: what Double.parseDouble returns, without the text.
        double magnitude = integer / POWERS_OF_TEN[fractionDigits];
        return DoubleNode.valueOf(negative ? -magnitude : magnitude);
      }
      return DoubleNode.valueOf(Double.parseDouble(new String(bytes, start, position - start, StandardCharsets.ISO_8859_1)));
    }
    if (digits > MAX_INT_DIGITS) {
      throw UNHANDLED;
    }
    long value = negative ? -integer : integer;
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
  }

  private void requireDigits() {
    int start = position;
    while (position < end && isDigit(bytes[position])) {
      position++;
    }
    if (position == start) {
      throw UNHANDLED;
    }
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** Checks one value's syntax and moves past it without building anything. */
  private void skipValue(int depth) {
    if (depth > MAX_DEPTH) {
      throw UNHANDLED;
    }
    byte b = peek();
    switch (b) {
      case '"':
        position++;
        skipString();
        return;
      case 't':
        literal("true");
        return;
      case 'f':
        literal("false");
        return;
      case 'n':
        literal("null");
        return;
      case '{':
        skipContainer(depth, '}', true);
        return;
      case '[':
        skipContainer(depth, ']', false);
        return;
      default:
        number(false);
    }
  }

  private void skipContainer(int depth, char close, boolean keyed) {
    position++;
    skipBlanks();
    if (peek() == close) {
      position++;
      return;
    }
    while (true) {
      skipBlanks();
      if (keyed) {
        expect('"');
        skipString();
        skipBlanks();
        expect(':');
        skipBlanks();
      }
      skipValue(depth + 1);
      skipBlanks();
      byte next = take();
      if (next == close) {
        return;
      }
      if (next != ',') {
        throw UNHANDLED;
      }
    }
  }

  /** After the opening quote: moves past the closing one, checking escapes. */
  private void skipString() {
    while (true) {
      position = plainRun(position);
      byte b = take();
      if (b == '"') {
        return;
      }
      if (b != '\\') {
        throw UNHANDLED;
      }
      escape();
    }
  }

  /** The index of the first byte from {@code from} that is a quote, a backslash, a control or non-ASCII byte, or the end. */
  private int plainRun(int from) {
    byte[] line = bytes;
    int i = from;
    int stop = end;
    // A word at a time while eight bytes of the line remain: strings are most of a line's bytes.
    while (i <= stop - ByteWords.SIZE) {
      long flags = ByteWords.unplain(ByteWords.at(line, i));
      if (flags != 0) {
        return i + ByteWords.firstFlagged(flags);
      }
      i += ByteWords.SIZE;
    }
    while (i < stop) {
      byte b = line[i];
      if (b == '"' || b == '\\' || b < 0x20) {
        return i;
      }
      i++;
    }
    return i;
  }

  private void literal(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (take() != word.charAt(i)) {
        throw UNHANDLED;
      }
    }
  }

  private void skipBlanks() {
    byte[] line = bytes;
    int i = position;
    while (i < end) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        break;
      }
      i++;
    }
    position = i;
  }

  private void expect(char wanted) {
    if (take() != wanted) {
      throw UNHANDLED;
    }
  }

  /** The byte at the position; past the end of the line, a control byte no rule accepts. */
  private byte peek() {
    return position < end ? bytes[position] : 0;
  }

  private byte take() {
    byte b = peek();
    position++;
    return b;
  }
}
