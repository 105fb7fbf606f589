package dev.detectc.eval.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines without decoding them, so JSON can be parsed straight from
 * the bytes. After {@link #next()} returns true, {@link #buffer()}, {@link #start()} and
 * {@link #length()} describe the line (without its {@code \n} or {@code \r\n}); the bytes stay
 * valid until the next call. Lines longer than {@link #MAX_LINE} are reported through
 * {@link #overlong()} and skipped, so one runaway line cannot exhaust memory.
 */
final class LineSource {

  static final int MAX_LINE = 16 * 1024 * 1024;

  private final InputStream in;
  /** Larger than the file stream's own buffer, so refills read straight into it rather than through a second copy. */
  private byte[] buffer = new byte[1 << 18];
  private int filled;
  private int position;
  private boolean eof;
  private long lineNumber;
  private int start;
  private int length;
  private boolean overlong;

  LineSource(InputStream in) {
    this.in = in;
  }

  /** Advances to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    overlong = false;
    boolean skipping = false;
    while (true) {
      int newline = indexOf((byte) '\n', position, filled);
      if (newline >= 0) {
        lineNumber++;
        start = position;
        length = newline - position;
        position = newline + 1;
        overlong = skipping;
        if (length > 0 && buffer[start + length - 1] == '\r') {
          length--;
        }
        return true;
      }
      if (eof) {
        if (position < filled || skipping) {
          lineNumber++;
          start = position;
          length = filled - position;
          position = filled;
          overlong = skipping;
          return true;
        }
        return false;
      }
      if (filled - position > MAX_LINE) {
        // Drop what has been read of the runaway line and keep scanning for its end.
        skipping = true;
        position = filled;
      }
      fill();
    }
  }

  private void fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, filled - position);
      filled -= position;
      position = 0;
    }
    if (filled == buffer.length) {
      byte[] bigger = new byte[buffer.length * 2];
      System.arraycopy(buffer, 0, bigger, 0, filled);
      buffer = bigger;
    }
    int read = in.read(buffer, filled, buffer.length - filled);
    if (read < 0) {
      eof = true;
    } else {
      filled += read;
    }
  }

  private int indexOf(byte wanted, int from, int to) {
    int i = from;
    // A word at a time: every byte of the log passes through this search.
    while (i <= to - ByteWords.SIZE) {
      long flags = ByteWords.equal(ByteWords.at(buffer, i), wanted);
      if (flags != 0) {
        return i + ByteWords.firstFlagged(flags);
      }
      i += ByteWords.SIZE;
    }
    for (; i < to; i++) {
      if (buffer[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  long lineNumber() {
    return lineNumber;
  }

  byte[] buffer() {
    return buffer;
  }

  int start() {
    return start;
  }

  int length() {
    return length;
  }

  /** True when the current line was longer than the limit; its bytes are not available. */
  boolean overlong() {
    return overlong;
  }

  boolean isBlank() {
    for (int i = start; i < start + length; i++) {
      byte b = buffer[i];
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  String text() {
    return new String(buffer, start, length, StandardCharsets.UTF_8);
  }
}
