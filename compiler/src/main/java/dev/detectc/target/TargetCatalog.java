package dev.detectc.target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The targets this build ships: every folder under {@code targets/} on the classpath that holds
 * a target.yaml, found in the jar or in the source tree alike, so adding a target is adding a
 * folder.
 */
public final class TargetCatalog {

  private TargetCatalog() {}

  /** Target names, sorted. */
  public static List<String> names() {
    URL marker = TargetCatalog.class.getClassLoader().getResource("targets/kql/target.yaml");
    if (marker == null) {
      return List.of();
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem jar;
        try {
          jar = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          jar = FileSystems.getFileSystem(uri);
        }
        return list(jar.getPath("/targets"));
      }
      return list(Path.of(uri).getParent().getParent());
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot list targets: " + e.getMessage(), e);
    }
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(entry -> Files.exists(entry.resolve("target.yaml")))
          .map(entry -> entry.getFileName().toString().replace("/", "")).sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
