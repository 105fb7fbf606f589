package dev.detectc.push;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * A writer that redacts secrets before passing text on. It holds text back until a line ends
 * (or it is flushed), so a secret split across two writes is still seen whole.
 */
public final class RedactingWriter extends Writer {

  private final Writer target;
  private final Redactor redactor;
  private final StringBuilder pending = new StringBuilder();

  public RedactingWriter(Writer target, Redactor redactor) {
    this.target = Objects.requireNonNull(target, "target");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    pending.append(buffer, offset, length);
    int lastNewline = pending.lastIndexOf("\n");
    if (lastNewline >= 0) {
      target.write(redactor.redact(pending.substring(0, lastNewline + 1)));
      pending.delete(0, lastNewline + 1);
    }
  }

  @Override
  public void flush() throws IOException {
    if (pending.length() > 0) {
      target.write(redactor.redact(pending.toString()));
      pending.setLength(0);
    }
    target.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
