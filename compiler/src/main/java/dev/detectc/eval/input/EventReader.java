package dev.detectc.eval.input;

import java.io.Closeable;
import java.io.IOException;

/** A stream of events from one file; problems go to the reader's diagnostics, not exceptions. */
public interface EventReader extends Closeable {

  /** The next event, or null at the end of the file. */
  Event next() throws IOException;
}
