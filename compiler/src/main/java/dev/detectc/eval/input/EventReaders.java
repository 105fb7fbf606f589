package dev.detectc.eval.input;

import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.SourcePosition;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens an events file and picks its reader from the content: {@code [} starts a JSON array,
 * {@code {} NDJSON, {@code #} a Zeek log. Gzip-compressed files are read transparently.
 */
public final class EventReaders {

  private static final int BUFFER = 1 << 16;

  private EventReaders() {}

  /** The reader for {@code path}, or null when the file cannot be read or its format is unknown (reported). */
  public static EventReader open(Path path, EventTime time, ReadProblems diagnostics) {
    return open(path, time, diagnostics, FieldSelection.ALL);
  }

  /** As {@link #open(Path, EventTime, ReadProblems)}, building only the selected fields of NDJSON events. */
  public static EventReader open(Path path, EventTime time, ReadProblems diagnostics, FieldSelection selection) {
    String file = path.toString();
    InputStream in = null;
    try {
      in = new BufferedInputStream(Files.newInputStream(path), BUFFER);
      in.mark(2);
      boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
      in.reset();
      if (gzip) {
        in = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
      }
      int first = firstSignificantByte(in);
      switch (first) {
        case '[':
          return new JsonArrayReader(in, file, time, diagnostics);
        case '{':
          return new NdjsonReader(in, file, time, diagnostics, selection);
        case '#':
          return new ZeekTsvReader(in, file, time, diagnostics);
        case -1:
          in.close();
          return EMPTY;
        default:
          in.close();
          diagnostics.error(DiagnosticCode.EVENT_MALFORMED, new SourcePosition(1, 1),
              "not NDJSON, a JSON array or a Zeek log (the first character is '" + (char) first + "'); file skipped");
          return null;
      }
    } catch (IOException e) {
      closeQuietly(in);
      diagnostics.error(DiagnosticCode.IO_ERROR, SourcePosition.UNKNOWN, "cannot read the events: " + e.getMessage());
      return null;
    }
  }

  /**
   * The byte that decides the format: the first after a byte-order mark and whitespace (-1 when
   * none), or {@code {} when a later line of the head starts an object. The BOM is consumed.
   */
  private static int firstSignificantByte(InputStream in) throws IOException {
    in.mark(BUFFER);
    byte[] head = in.readNBytes(BUFFER);
    in.reset();
    boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    if (bom) {
      in.skipNBytes(3);
    }
    int first = -1;
    boolean lineStart = true;
    for (int i = bom ? 3 : 0; i < head.length; i++) {
      byte b = head[i];
      if (b == '\n') {
        lineStart = true;
      } else if (b != ' ' && b != '\t' && b != '\r') {
        if (first < 0) {
          first = b & 0xFF;
        }
        if (lineStart && b == '{') {
          // NDJSON whose first lines are damaged: read it as NDJSON so the damaged lines are reported one by one.
          return first == '[' || first == '#' ? first : '{';
        }
        lineStart = false;
      }
    }
    return first;
  }

  private static void closeQuietly(InputStream in) {
    try {
      if (in != null) {
        in.close();
      }
    } catch (IOException ignored) {
      // The file is already reported as unreadable.
    }
  }

  private static final EventReader EMPTY = new EventReader() {
    @Override
    public Event next() {
      return null;
    }

    @Override
    public void close() {}
  };
}
