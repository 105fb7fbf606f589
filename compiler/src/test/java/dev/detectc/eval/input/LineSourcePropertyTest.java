package dev.detectc.eval.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The line reader splits a stream exactly where a byte-at-a-time search would: it looks for line
 * ends eight bytes at a time, so lines of every length around a word, CR LF endings, a last line
 * without a newline, and streams that deliver a few bytes per read (a line split across refills)
 * all have to come out whole, with the right numbers.
 */
class LineSourcePropertyTest {

  private static final byte[] ALPHABET = "ab{}\":,\r\t \u0001\u007f".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

  @Property(tries = 500)
  void linesComeOutAsWritten(@ForAll long seed) throws IOException {
    Random random = new Random(seed);
    List<byte[]> expected = new ArrayList<>();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    int count = random.nextInt(30);
    for (int i = 0; i < count; i++) {
      byte[] line = new byte[random.nextInt(4) == 0 ? random.nextInt(40) : random.nextInt(18)];
      for (int j = 0; j < line.length; j++) {
        line[j] = random.nextInt(8) == 0 ? (byte) (0x80 | random.nextInt(0x80)) : ALPHABET[random.nextInt(ALPHABET.length)];
      }
      boolean last = i == count - 1;
      boolean crlf = random.nextInt(4) == 0;
      stream.write(line);
      if (!last || random.nextBoolean()) {
        stream.write(crlf ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
        // A line ending in CR before its LF loses that one CR, as a CR LF line end.
        expected.add(crlf || line.length == 0 || line[line.length - 1] != '\r' ? line : Arrays.copyOf(line, line.length - 1));
      } else if (line.length > 0) {
        expected.add(line);
      }
    }
    LineSource lines = new LineSource(trickling(stream.toByteArray(), random));
    List<byte[]> actual = new ArrayList<>();
    while (lines.next()) {
      assertThat(lines.lineNumber()).isEqualTo(actual.size() + 1);
      actual.add(Arrays.copyOfRange(lines.buffer(), lines.start(), lines.start() + lines.length()));
    }
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("line %d", i + 1).isEqualTo(expected.get(i));
    }
  }

  /** A stream that hands out one to twenty bytes per read. */
  private static InputStream trickling(byte[] bytes, Random random) {
    return new InputStream() {
      private int position;

      @Override
      public int read() {
        return position < bytes.length ? bytes[position++] & 0xff : -1;
      }

      @Override
      public int read(byte[] into, int offset, int length) {
        if (position >= bytes.length) {
          return -1;
        }
        int n = Math.min(Math.min(length, 1 + random.nextInt(20)), bytes.length - position);
        System.arraycopy(bytes, position, into, offset, n);
        position += n;
        return n;
      }
    };
  }
}
