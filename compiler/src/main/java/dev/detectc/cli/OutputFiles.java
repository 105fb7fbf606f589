package dev.detectc.cli;

import dev.detectc.source.AtomicWrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Writes one output file per rule into a folder, each whole or not at all ({@link AtomicWrite}).
 * Names come from the rule and are made safe and unique.
 */
final class OutputFiles {

  private final Path folder;
  private final Set<String> used = new HashSet<>();

  OutputFiles(Path folder) throws IOException {
    this.folder = folder;
    Files.createDirectories(folder);
  }

  /** A file name for {@code base} with {@code extension}, unique within this run. */
  String name(String base, String extension) {
    String safe = base.replaceAll("[^A-Za-z0-9._-]", "_");
    safe = safe.isEmpty() || safe.startsWith(".") ? "rule" + safe : safe;
    String name = safe + extension;
    for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
      name = safe + "-" + n + extension;
    }
    return name;
  }

  void write(String name, String text) throws IOException {
    AtomicWrite.write(folder.resolve(name), text);
  }
}
