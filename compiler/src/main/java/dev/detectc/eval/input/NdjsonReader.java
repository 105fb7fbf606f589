package dev.detectc.eval.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.SourcePosition;
import java.io.IOException;
import java.io.InputStream;

/** Newline-delimited JSON: one object per line; blank lines are ignored, bad lines reported and skipped. */
final class NdjsonReader implements EventReader {

  private final InputStream in;
  private final LineSource lines;
  private final String file;
  private final EventTime time;
  private final ReadProblems diagnostics;

  private final FieldSelection selection;
  private final ScannedObject scanner;

  NdjsonReader(InputStream in, String file, EventTime time, ReadProblems diagnostics, FieldSelection selection) {
    this.in = in;
    this.lines = new LineSource(in);
    this.file = file;
    this.time = time;
    this.diagnostics = diagnostics;
    this.selection = selection;
    this.scanner = new ScannedObject(selection);
  }

  @Override
  public Event next() throws IOException {
    while (lines.next()) {
      long line = lines.lineNumber();
      if (lines.overlong()) {
        diagnostics.error(DiagnosticCode.EVENT_MALFORMED, at(line), "the line is longer than "
            + LineSource.MAX_LINE / (1024 * 1024) + " MiB; skipped");
        continue;
      }
      if (lines.isBlank()) {
        continue;
      }
      // The byte scanner reads plain lines; what it leaves (null) Jackson reads or reports.
      JsonNode node = scanner.read(lines.buffer(), lines.start(), lines.length());
      try {
        if (node == null) {
          node = selection.keepsAll() || !PrunedObject.startsObject(lines.buffer(), lines.start(), lines.length())
              ? EventJson.LINE.readTree(lines.buffer(), lines.start(), lines.length())
              : PrunedObject.read(lines.buffer(), lines.start(), lines.length(), selection);
        }
      } catch (JsonProcessingException e) {
        diagnostics.error(DiagnosticCode.EVENT_MALFORMED, EventJson.position(line, e),
            "not valid JSON: " + EventJson.describe(e) + "; line skipped");
        continue;
      }
      if (node == null || !node.isObject()) {
        diagnostics.error(DiagnosticCode.EVENT_MALFORMED, at(line),
            "an event must be a JSON object, not " + (node == null ? "nothing" : EventJson.kind(node)) + "; line skipped");
        continue;
      }
      return new Event(node, file, line, time.of(node));
    }
    return null;
  }

  static SourcePosition at(long line) {
    return new SourcePosition((int) Math.min(line, Integer.MAX_VALUE), 1);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
