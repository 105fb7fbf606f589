package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real entry point under LANG=C, as in many CI containers, where the JVM's platform charset
 * is US-ASCII: a non-ASCII rule value must reach stdout as UTF-8, not as '?' (a query that
 * silently looks for something else). Runs Main in a child JVM because the charset is fixed at
 * start-up.
 */
class ConsoleEncodingTest {

  @Test
  void nonAsciiValuesSurviveAnAsciiLocale(@TempDir Path dir) throws IOException, InterruptedException {
    Path rule = dir.resolve("unicode.yml");
    Files.writeString(rule, String.join("\n",
        "title: Unicode value",
        "logsource: {category: process_creation}",
        "detection:",
        "    sel:",
        "        CommandLine|contains: 'café \uD835\uDD18 привет'",
        "    condition: sel",
        ""), StandardCharsets.UTF_8);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "compile", "--target", "kql", rule.toString()));
    builder.environment().put("LANG", "C");
    builder.environment().put("LC_ALL", "C");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(new String(out, StandardCharsets.UTF_8)).contains("CommandLine contains \"café \uD835\uDD18 привет\"");
  }
}
