package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {

  @TempDir
  Path folder;

  private Path suite(String expectations) throws Exception {
    Path dir = Files.createDirectories(folder.resolve("suite"));
    Files.writeString(dir.resolve("rule.yml"), "title: AXFR\nname: axfr\nlogsource: {product: zeek}\ndetection:\n"
        + "  sel:\n    qtype_name: AXFR\n  condition: sel\n");
    Files.writeString(dir.resolve("e.ndjson"), "{\"qtype_name\": \"AXFR\"}\n");
    Files.writeString(dir.resolve("fixture.yml"), "cases:\n  - name: axfr\n    rules: [rule.yml]\n    events: [e.ndjson]\n"
        + expectations.indent(4));
    return dir;
  }

  @Test
  void passingSuitesExitZeroAndWriteJunit() throws Exception {
    Path dir = suite("alerts: [{rule: axfr, count: 1, reason: one AXFR}]");
    Path junit = folder.resolve("out/junit.xml");
    CliRun run = CliRun.of("test", dir.toString(), "--junit", junit.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("PASS  " + dir.resolve("fixture.yml") + ": axfr")
        .contains("1 case(s) in 1 suite(s): 1 passed, 0 failed, 0 error(s)");
    assertThat(Files.readString(junit)).contains("tests=\"1\" failures=\"0\" errors=\"0\"");
  }

  @Test
  void failingCasesExitOneAndShowWhy() throws Exception {
    Path dir = suite("quiet: [{rule: axfr, reason: approved secondary ns2}]");
    CliRun run = CliRun.of("test", dir.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out()).contains("FAIL  ").contains("      rule axfr must stay quiet (approved secondary ns2) but fired at "
        + dir.resolve("e.ndjson") + ":1");
  }

  @Test
  void brokenSuitesExitTwo() throws Exception {
    Path dir = suite("alerts: [{rule: axfr}]");
    CliRun run = CliRun.of("test", dir.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.RULE_ERROR);
    assertThat(run.out()).contains("ERROR " + dir.resolve("fixture.yml") + ": (fixture suite)")
        .contains("needs a one-line 'reason'");
    assertThat(CliRun.of("test", folder.resolve("nowhere").toString()).exitCode()).isEqualTo(ExitCodes.RULE_ERROR);
  }

  @Test
  void invalidRuleFolderIsNotASuite() throws Exception {
    Path root = Files.createDirectories(folder.resolve("test-fixtures"));
    Files.createDirectories(root.resolve("invalid/x"));
    Files.writeString(root.resolve("invalid/x/fixture.yml"), "not: a suite\n");
    assertThat(CliRun.of("test", root.toString()).err()).contains("no fixture.yml under");
  }

  @Test
  void theEdgeSuitePasses() {
    CliRun run = CliRun.of("test", "test-fixtures/edge");
    assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
  }
}
