package dev.detectc.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's class-data-sharing training run: one JVM that does what users run most, so the
 * class list it leaves (-XX:DumpLoadedClassList, which records a single process) and the archive
 * dumped from that list hold the classes of loading, lowering, every target's renderer and
 * FreeMarker, and of the evaluator and its readers. The runs' output and exit codes do not
 * matter, only which classes they load.
 *
 * <p>Usage: {@code java -cp detectc.jar dev.detectc.cli.Training PROJECT_ROOT}
 */
public final class Training {

  private Training() {}

  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    PrintWriter discard = new PrintWriter(Writer.nullWriter());
    Path rules = root.resolve("rules");
    if (Files.isDirectory(rules)) {
      Main.run(new String[] {"compile", "--target", "kql,spl,lucene,eql,esql,dsl", rules.toString()}, discard, discard);
    }
    Path edge = root.resolve("test-fixtures/edge");
    if (Files.isDirectory(edge)) {
      Main.run(new String[] {"test", edge.toString()}, discard, discard);
    }
  }
}
