package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line contract: formats, exit codes, help and version. */
class CliTest {

  @TempDir
  Path dir;

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static final String GOOD = "title: ok\nid: 1b4e28ba-2fa1-11d2-883f-0016d3cca427\nlogsource:\n"
      + "    category: dns\ndetection:\n    sel:\n        query|endswith: .example.com\n    condition: sel\n";

  @Test
  void cleanRulesExitZero() throws Exception {
    CliRun run = CliRun.of("validate", write("good.yml", GOOD).toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("validated 1 files, 1 documents: 0 errors, 0 warnings");
  }

  @Test
  void textDiagnosticsQuoteTheLineWithACaret() throws Exception {
    Path bad = write("bad.yml", GOOD.replace("query|endswith", "query|endswit"));
    CliRun run = CliRun.of("validate", bad.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.RULE_ERROR);
    assertThat(run.out()).contains(bad + ":7:15: error[unknown-modifier]: unknown modifier 'endswit'")
        .contains(" 7 |         query|endswit: .example.com")
        .contains("   |               ^");
  }

  @Test
  void oneBadFileDoesNotHideAnother() throws Exception {
    write("a-bad.yml", GOOD.replace("condition: sel", "condition: sel and"));
    write("b-bad.yml", GOOD.replace("title: ok", "title: [x]"));
    write("c-good.yml", GOOD.replace("1b4e28ba", "2b4e28ba"));
    CliRun run = CliRun.of("validate", "--format", "json", dir.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.RULE_ERROR);
    assertThat(run.out().lines()).anyMatch(line -> line.contains("a-bad.yml") && line.contains("condition-syntax"))
        .anyMatch(line -> line.contains("b-bad.yml") && line.contains("field-type"))
        .noneMatch(line -> line.contains("c-good.yml"));
  }

  @Test
  void jsonLinesCarryEveryField() throws Exception {
    CliRun run = CliRun.of("validate", "--format", "json", write("x.yml", GOOD.replace("level", "x")
        .replace("id: 1b4e28ba-2fa1-11d2-883f-0016d3cca427\n", "")).toString());
    JsonNode line = new ObjectMapper().readTree(run.out().lines().findFirst().orElseThrow());
    assertThat(line.fieldNames()).toIterable().containsExactly("file", "line", "column", "severity", "code", "message");
    assertThat(line.get("code").asText()).isEqualTo("lint-missing-id");
    assertThat(line.get("severity").asText()).isEqualTo("warning");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void strictTurnsLintIntoErrors() throws Exception {
    Path file = write("lint.yml", GOOD.replace("id: 1b4e28ba-2fa1-11d2-883f-0016d3cca427\n", ""));
    assertThat(CliRun.of("validate", file.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    CliRun strict = CliRun.of("validate", "--strict", file.toString());
    assertThat(strict.exitCode()).isEqualTo(ExitCodes.RULE_ERROR);
    assertThat(strict.out()).contains("error[lint-missing-id]");
  }

  @Test
  void sarifIsAValidLogWithRegions() throws Exception {
    Path bad = write("bad.yml", GOOD.replace("condition: sel", "condition: sel OR x"));
    CliRun run = CliRun.of("validate", "--format", "sarif", bad.toString());
    JsonNode log = new ObjectMapper().readTree(run.out());
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    JsonNode result = log.get("runs").get(0).get("results").get(0);
    assertThat(result.get("ruleId").asText()).isEqualTo("condition-syntax");
    assertThat(result.get("level").asText()).isEqualTo("error");
    JsonNode region = result.get("locations").get(0).get("physicalLocation").get("region");
    assertThat(region.get("startLine").asInt()).isEqualTo(8);
    assertThat(region.get("startColumn").asInt()).isEqualTo(20);
    assertThat(log.get("runs").get(0).get("tool").get("driver").get("rules").get(result.get("ruleIndex").asInt())
        .get("id").asText()).isEqualTo("condition-syntax");
  }

  @Test
  void usageErrorsExitThree() {
    assertThat(CliRun.of("validate").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("validate", "--format", "xml", "x.yml").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of().exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void missingPathsAreRuleErrorsNamingThePath() {
    CliRun run = CliRun.of("validate", "no/such/dir");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.RULE_ERROR);
    assertThat(run.out()).contains("no/such/dir: error[io-error]: no such file or folder");
  }

  @Test
  void helpAndVersionEverywhere() {
    assertThat(CliRun.of("--help").out()).contains("validate");
    assertThat(CliRun.of("validate", "--help").out()).contains("--strict", "--format");
    assertThat(CliRun.of("--version").out()).startsWith("detectc ");
    assertThat(CliRun.of("validate", "--version").out()).startsWith("detectc ");
    assertThat(CliRun.of("list", "--help").exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void helpAndUsageErrorsListEveryCommandThoughARunBuildsOnlyItsOwn() {
    assertThat(CliRun.of("--help").out()).contains("validate", "compile", "eval", "test", "push", "list");
    CliRun unknown = CliRun.of("compiel", "rules");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("compiel");
    CliRun missing = CliRun.of();
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("missing command");
    assertThat(Main.commandLine("eval").getSubcommands().keySet()).containsExactly("eval");
    assertThat(Main.commandLine("--help").getSubcommands().keySet())
        .containsExactly("validate", "compile", "eval", "test", "push", "list");
  }

  @Test
  void listModifiersShowsEveryModifier() {
    CliRun run = CliRun.of("list", "modifiers");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("utf16le", "base64offset", "windash", "fieldref", "neq", "minute", "cased",
        "i              regex flag (also ignorecase)");
  }

  @Test
  void shippedRulesValidateClean() {
    CliRun run = CliRun.of("validate", "--strict", "rules");
    assertThat(run.out()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }
}
