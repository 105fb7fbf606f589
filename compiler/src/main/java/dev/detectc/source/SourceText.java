package dev.detectc.source;

import java.util.List;

/** The lines of one source file, kept so diagnostics can quote the offending line. */
public record SourceText(String file, List<String> lines) {

  public SourceText {
    lines = List.copyOf(lines);
  }

  public static SourceText of(String file, String text) {
    return new SourceText(file, List.of(text.split("\r\n|\r|\n", -1)));
  }

  /** The 1-based line, or an empty string where the position falls outside the file. */
  public String line(int number) {
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }
}
