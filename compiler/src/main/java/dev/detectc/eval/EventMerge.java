package dev.detectc.eval;

import dev.detectc.eval.input.Event;
import dev.detectc.eval.input.EventReader;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.eval.input.ReadProblems;
import dev.detectc.source.SourcePosition;
import java.io.IOException;
import java.util.List;

/**
 * Reads several event files as one stream in time order: it always takes the earliest head
 * event among the files (events without a time go first, ties go to the earlier file), so a
 * correlation can span files that each run in time order.
 */
final class EventMerge {

  private final List<EventReader> readers;
  private final List<ReadProblems> diagnostics;
  private final Event[] heads;

  EventMerge(List<EventReader> readers, List<ReadProblems> diagnostics) {
    this.readers = List.copyOf(readers);
    this.diagnostics = List.copyOf(diagnostics);
    this.heads = new Event[readers.size()];
    for (int i = 0; i < heads.length; i++) {
      heads[i] = read(i);
    }
  }

  /** The next event, or null when every file is exhausted. */
  Event next() {
    int best = -1;
    for (int i = 0; i < heads.length; i++) {
      Event head = heads[i];
      if (head == null) {
        continue;
      }
      if (!head.hasTime()) {
        best = i;
        break;
      }
      if (best < 0 || head.time() < heads[best].time()) {
        best = i;
      }
    }
    if (best < 0) {
      return null;
    }
    Event event = heads[best];
    heads[best] = read(best);
    return event;
  }

  private Event read(int i) {
    EventReader reader = readers.get(i);
    if (reader == null) {
      return null;
    }
    try {
      Event event = reader.next();
      if (event == null) {
        close(i);
      }
      return event;
    } catch (IOException e) {
      diagnostics.get(i).error(DiagnosticCode.IO_ERROR, SourcePosition.UNKNOWN, "reading stopped: " + e.getMessage());
      close(i);
      return null;
    }
  }

  private void close(int i) {
    try {
      readers.get(i).close();
    } catch (IOException e) {
      diagnostics.get(i).error(DiagnosticCode.IO_ERROR, SourcePosition.UNKNOWN, "cannot close: " + e.getMessage());
    }
  }

  /** Closes whatever is still open (after an early stop). */
  void closeAll() {
    for (int i = 0; i < heads.length; i++) {
      if (heads[i] != null) {
        heads[i] = null;
        close(i);
      }
    }
  }
}
