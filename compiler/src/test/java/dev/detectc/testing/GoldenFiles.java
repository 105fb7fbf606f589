package dev.detectc.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares output with a golden file as plain text and prints the path and a line diff when
 * they differ; {@code -Dgolden.update=true} rewrites the golden file instead (then read the
 * diff in git before committing it).
 */
public final class GoldenFiles {

  private GoldenFiles() {}

  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  public static void assertMatches(Path expected, String actual) {
    String normalized = actual.replace("\r\n", "\n");
    try {
      if (updating()) {
        Files.createDirectories(expected.getParent());
        Files.writeString(expected, normalized, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(expected)) {
        fail(expected + " does not exist; run with -Dgolden.update=true to create it, then review it");
      }
      String wanted = Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n");
      if (!wanted.equals(normalized)) {
        fail(expected + " differs (rerun with -Dgolden.update=true to accept):\n" + diff(wanted, normalized));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal line diff: the first differing line and its neighbours. */
  static String diff(String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    int first = 0;
    while (first < a.size() && first < b.size() && a.get(first).equals(b.get(first))) {
      first++;
    }
    StringBuilder text = new StringBuilder("first difference at line " + (first + 1) + "\n");
    for (int i = Math.max(0, first - 2); i < Math.min(Math.max(a.size(), b.size()), first + 3); i++) {
      if (i < a.size() && (i >= b.size() || !a.get(i).equals(b.get(i)))) {
        text.append("- ").append(a.get(i)).append('\n');
      }
      if (i < b.size() && (i >= a.size() || !b.get(i).equals(a.get(i)))) {
        text.append("+ ").append(b.get(i)).append('\n');
      }
      if (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
        text.append("  ").append(a.get(i)).append('\n');
      }
    }
    return text.toString();
  }
}
