package dev.detectc.source;

import java.util.ArrayList;
import java.util.List;

/** The lines of one source file, kept so diagnostics can quote the offending line. */
public record SourceText(String file, List<String> lines) {

  public SourceText {
    lines = List.copyOf(lines);
  }

  public static SourceText of(String file, String text) {
    return new SourceText(file, split(normalizeLineBreaks(text)));
  }

  /**
   * The text with every {@code \r\n} and lone {@code \r} turned into {@code \n}, so that line
   * numbers here and in the YAML parser's marks count the same breaks. Most files have no
   * {@code \r} at all and come back unchanged, without a copy.
   */
  public static String normalizeLineBreaks(String text) {
    if (text.indexOf('\r') < 0) {
      return text;
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** The 1-based line, or an empty string where the position falls outside the file. */
  public String line(int number) {
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }

  // A plain scan rather than String.split with a regex: every loaded file passes through here,
  // and the regex machinery was a measurable share of loading the whole corpus.
  private static List<String> split(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      lines.add(text.substring(start, end));
      start = end + 1;
    }
    lines.add(text.substring(start));
    return lines;
  }
}
