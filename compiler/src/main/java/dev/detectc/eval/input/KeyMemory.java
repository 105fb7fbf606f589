package dev.detectc.eval.input;

import java.util.Arrays;

/**
 * What the previous line held before each of its values, by position: the bytes from the end of
 * one value (or the opening brace) to the start of the next value, usually {@code ,"key":}, and
 * what that key resolved to (the selection's kept key, or null for a skipped one).
 *
 * <p>Lines of one log mostly repeat their keys in the same order and layout, so where the bytes
 * at the same place equal last line's, {@link ScannedObject} passes separator, key and colon with
 * one or two word comparisons instead of scanning each and looking the key up. Equal bytes parse
 * the same, so this never changes a result; different bytes just take the full path. Only spans
 * the full path accepted are remembered.
 */
final class KeyMemory {

  static final int SIZE = 64;

  private static final int WORDS = 2 * ByteWords.SIZE;

  private final byte[][] spans = new byte[SIZE][];
  /** Each span's first sixteen bytes as two words, masked to its length (spans are mostly this short). */
  private final long[] heads = new long[SIZE];
  private final long[] tails = new long[SIZE];
  private final String[] answers = new String[SIZE];

  /** Where remembered span {@code index} ends if {@code bytes[position, end)} starts with it; otherwise -1. */
  int skip(int index, byte[] bytes, int position, int end) {
    if (index >= SIZE) {
      return -1;
    }
    byte[] span = spans[index];
    if (span == null) {
      return -1;
    }
    int length = span.length;
    if (end - position < length) {
      return -1;
    }
    boolean same;
    if (length > WORDS || position + WORDS > bytes.length) {
      same = Arrays.equals(bytes, position, position + length, span, 0, length);
    } else {
      // Bytes past the span (the value, or the next line) are masked off; they lie within the
      // array, and the span's own bytes within the line (checked above).
      same = (ByteWords.at(bytes, position) & ByteWords.firstBytes(length)) == heads[index]
          && (length <= ByteWords.SIZE
              || (ByteWords.at(bytes, position + ByteWords.SIZE) & ByteWords.firstBytes(length - ByteWords.SIZE))
                  == tails[index]);
    }
    return same ? position + length : -1;
  }

  /** The key remembered span {@code index} resolved to (null for a skipped key). */
  String answer(int index) {
    return answers[index];
  }

  void remember(int index, byte[] bytes, int from, int to, String answer) {
    if (index >= SIZE) {
      return;
    }
    byte[] span = Arrays.copyOfRange(bytes, from, to);
    spans[index] = span;
    heads[index] = word(span, 0);
    tails[index] = word(span, ByteWords.SIZE);
    answers[index] = answer;
  }

  /** Up to eight bytes of {@code span} from {@code from} as a little-endian word, zero past its end. */
  private static long word(byte[] span, int from) {
    long word = 0;
    for (int i = Math.min(span.length, from + ByteWords.SIZE) - 1; i >= from; i--) {
      word = word << 8 | span[i] & 0xff;
    }
    return word;
  }
}
