package dev.detectc.cli;

import dev.detectc.eval.Evaluation;
import java.io.PrintWriter;

/**
 * Events read and events per second on stderr, redrawn in place at most once a second. Only
 * used when a terminal is attached, so logs and CI output never see it.
 */
final class TerminalProgress implements Evaluation.Progress {

  private final PrintWriter err;
  private final long start = System.nanoTime();
  private long lastDraw = start;
  private boolean drawn;

  TerminalProgress(PrintWriter err) {
    this.err = err;
  }

  /** A progress display for a terminal, or none when output is not interactive. */
  static Evaluation.Progress forConsole(PrintWriter err) {
    return System.console() != null ? new TerminalProgress(err) : Evaluation.Progress.NONE;
  }

  @Override
  public void events(long count) {
    long now = System.nanoTime();
    if (now - lastDraw < 1_000_000_000L) {
      return;
    }
    lastDraw = now;
    drawn = true;
    double seconds = (now - start) / 1e9;
    err.print("\rdetectc: " + Counts.grouped(count) + " events, " + Counts.grouped(Math.round(count / seconds))
        + " events/s   ");
    err.flush();
  }

  /** Ends the progress line so later messages start on their own line. */
  void finish() {
    if (drawn) {
      err.println();
    }
  }
}
