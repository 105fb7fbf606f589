package dev.detectc.eval.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of a line at a time, for the readers' hottest loops (finding a line's end, a
 * string's end, and telling a remembered key). A little-endian word puts the first byte in the
 * lowest bits, so the lowest flagged byte of a test below is the first such byte in the line.
 *
 * <p>The byte tests are the classic "has a zero byte" trick. Its borrows can flag bytes <em>after</em>
 * a true hit but never before one, so the lowest flag, the only one callers use, is exact.
 */
final class ByteWords {

  static final int SIZE = Long.BYTES;

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private ByteWords() {}

  /** The eight bytes from {@code index}; the caller has checked {@code index + 8 <= bytes.length}. */
  static long at(byte[] bytes, int index) {
    return (long) LONGS.get(bytes, index);
  }

  /** A mask of the first {@code count} (0 to 8) bytes of a word. */
  static long firstBytes(int count) {
    return count >= SIZE ? -1L : (1L << (count * 8)) - 1;
  }

  /** Flags (bit 7 of the byte) where {@code word} holds {@code wanted}; see the class note. */
  static long equal(long word, byte wanted) {
    long x = word ^ ONES * (wanted & 0xff);
    return (x - ONES) & ~x & HIGHS;
  }

  /**
   * Flags where a byte ends a plain run of JSON string text: a quote, a backslash, a control
   * byte (below 0x20) or a non-ASCII one (0x80 and up), as {@link ScannedObject} treats them.
   */
  static long unplain(long word) {
    long controls = (word - ONES * 0x20) & ~word & HIGHS;
    return controls | word & HIGHS | equal(word, (byte) '"') | equal(word, (byte) '\\');
  }

  /** The index in the word (0 to 7) of the lowest flag of a non-zero test result. */
  static int firstFlagged(long flags) {
    return Long.numberOfTrailingZeros(flags) >>> 3;
  }
}
