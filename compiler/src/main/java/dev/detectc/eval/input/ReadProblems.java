package dev.detectc.eval.input;

import dev.detectc.source.Diagnostic;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Severity;
import dev.detectc.source.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found while reading one events file. The first {@link #LIMIT} are kept one by
 * one; beyond that they are only counted, so a file of garbage cannot fill memory with
 * diagnostics, and the count is reported at the end.
 */
public final class ReadProblems {

  public static final int LIMIT = 100;

  private final String file;
  private final List<Diagnostic> kept = new ArrayList<>();
  private long dropped;

  public ReadProblems(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  public void error(DiagnosticCode code, SourcePosition position, String message) {
    if (kept.size() < LIMIT) {
      kept.add(Diagnostic.error(code, file, position, message));
    } else {
      dropped++;
    }
  }

  public boolean hasErrors() {
    return !kept.isEmpty();
  }

  /** The kept problems, plus one line counting those beyond the limit. */
  public List<Diagnostic> toList() {
    List<Diagnostic> all = new ArrayList<>(kept);
    if (dropped > 0) {
      all.add(new Diagnostic(Severity.ERROR, DiagnosticCode.EVENT_MALFORMED, file, SourcePosition.UNKNOWN,
          dropped + " more problem(s) in this file were not listed (only the first " + LIMIT + " are)"));
    }
    return all;
  }
}
