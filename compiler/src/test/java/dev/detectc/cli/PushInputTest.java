package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.push.Siem;
import dev.detectc.push.fake.FakeClock;
import dev.detectc.push.fake.FakeKibana;
import dev.detectc.push.fake.Loopback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What push does with its input before any write: usage errors (exit 3, nothing sent), rules
 * with errors, target refusals, missing or shared ids (listed as not pushed, the rest still
 * pushed, exit 2), and credentials read from a file.
 */
class PushInputTest {

  static final String KEY = PushKibanaTest.KEY;
  static final String RULE = PushKibanaTest.ZONE_TRANSFER;
  static final String ONE = "rules/det0877/dns_zone_transfer_unapproved_host.yml";
  static final String ENV = "test-fixtures/det0877/environment.yml";
  static final Map<String, String> CREDENTIAL = Map.of("DETECTC_ELASTIC_API_KEY", KEY);

  @RegisterExtension
  final Loopback<FakeKibana> kibana = Loopback.of(() -> new FakeKibana("", KEY));

  @TempDir
  Path temp;


  @Test
  void usageErrorsSendNothing() {
    assertThat(PushRun.run(CREDENTIAL, "--target", "dsl", "--to", kibana.server().url(), ONE).err())
        .contains("target dsl cannot be pushed: Kibana detection rules take a query string, EQL or ES|QL, not Query DSL");
    assertThat(PushRun.run(CREDENTIAL, "--target", "sql", "--to", kibana.server().url(), ONE).err())
        .contains("unknown target sql");
    PushRun noCredential = PushRun.run(Map.of(), "--target", "lucene", "--to", kibana.server().url(), ONE);
    assertThat(noCredential.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(noCredential.err()).contains("no credential for Kibana: set DETECTC_ELASTIC_API_KEY in the environment,"
        + " or in the file named by DETECTC_CREDENTIALS_FILE");
    PushRun plainHttp = PushRun.run(CREDENTIAL, "--target", "lucene", "--to", "http://kibana.example:5601", ONE);
    assertThat(plainHttp.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(plainHttp.err()).contains("refusing to send a credential over plain http to kibana.example");
    assertThat(PushRun.run(Map.of("DETECTC_SPLUNK_TOKEN", "t"), "--target", "spl", "--to",
        kibana.server().url() + "/servicesNS/nobody/search", ONE).err())
        .contains("DETECTC_SPLUNK_TOKEN is too short to be a real credential (fewer than 8 characters)");
    PushRun splunkBase = PushRun.run(Map.of("DETECTC_SPLUNK_TOKEN", "splunk-token-1"), "--target", "spl", "--to",
        "https://splunk.example:8089", ONE);
    assertThat(splunkBase.err()).contains("--to must name the Splunk namespace");
    PushRun missingTo = PushRun.run(CREDENTIAL, "--target", "lucene", ONE);
    assertThat(missingTo.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missingTo.err()).contains("Missing required option: '--to=URL'");
    assertThat(kibana.server().requests()).isEmpty();
  }

  @Test
  void rulesWithErrorsAreListedAsNotPushedAndTheOthersStillGo() throws Exception {
    Path rules = Files.createDirectories(temp.resolve("rules"));
    Files.copy(Path.of(ONE), rules.resolve("good.yml"));
    Files.copy(Path.of("test-fixtures/invalid/invalid-regex.yml"), rules.resolve("bad.yml"));
    PushRun run = PushRun.run(CREDENTIAL, "--target", "lucene", "--to", kibana.server().url(), "--env", ENV,
        rules.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.RULE_ERROR);
    assertThat(run.out()).contains("created       " + RULE).contains("not pushed ")
        .contains("bad.yml:").contains("error[invalid-regex]");
    assertThat(run.err()).contains("error[invalid-regex]").contains("1 created, 0 updated, 0 unchanged, 0 failed,"
        + " 1 not pushed (rule errors)");
    assertThat(kibana.emulator().rules()).containsOnlyKeys(RULE);
  }

  @Test
  void aRuleTheTargetRefusesIsNotPushedWithTheTargetsReason() {
    PushRun run = PushRun.run(CREDENTIAL, PushRun.refusing(Siem.KIBANA, RULE), new FakeClock(), "--target",
        "lucene", "--to", kibana.server().url(), "--env", ENV, ONE, "rules/det0877/dns_canary_name_lookup.yml");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.RULE_ERROR);
    assertThat(run.out()).contains("not pushed    " + RULE).contains(ONE + ":")
        .contains("error[invalid-regex]: the target cannot express this rule's regular expression");
    assertThat(kibana.emulator().rules()).containsOnlyKeys("7d6766c5-5e9e-40cb-9deb-45c6106793ea");
  }

  @Test
  void rulesWithoutAnIdOrSharingOneAreNotPushed() throws Exception {
    Path rules = Files.createDirectories(temp.resolve("rules"));
    String text = Files.readString(Path.of(ONE));
    Files.writeString(rules.resolve("a.yml"), text);
    Files.writeString(rules.resolve("b.yml"), text.replace("name: dns_zone_transfer_unapproved_host", "name: copy"));
    Files.writeString(rules.resolve("c.yml"), text.replaceFirst("id: .*\n", "")
        .replace("name: dns_zone_transfer_unapproved_host", "name: no_id"));
    PushRun run = PushRun.run(CREDENTIAL, "--target", "lucene", "--to", kibana.server().url(), "--env", ENV,
        rules.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.RULE_ERROR);
    assertThat(run.out()).contains("2 rules map to the same Kibana object \"" + RULE + "\"")
        .contains("the rule has no id: SIEM objects are keyed by it");
    assertThat(kibana.server().requests()).isEmpty();
  }

  @Test
  void credentialsComeFromTheNamedFileAndTheEnvironmentWins() throws Exception {
    Path file = temp.resolve("credentials.env");
    Files.writeString(file, "# detectc\nDETECTC_ELASTIC_API_KEY=\"" + KEY + "\"\n\nDETECTC_SPLUNK_TOKEN=unused\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    PushRun fromFile = PushRun.run(Map.of("DETECTC_CREDENTIALS_FILE", file.toString()), "--target", "lucene", "--to",
        kibana.server().url(), "--env", ENV, ONE);
    assertThat(fromFile.exitCode()).as(fromFile.toString()).isEqualTo(ExitCodes.OK);
    assertThat(fromFile.err()).doesNotContain("warning");

    Files.writeString(file, "DETECTC_ELASTIC_API_KEY=stale-key\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    PushRun envWins = PushRun.run(Map.of("DETECTC_CREDENTIALS_FILE", file.toString(), "DETECTC_ELASTIC_API_KEY", KEY),
        "--target", "lucene", "--to", kibana.server().url(), "--env", ENV, ONE);
    assertThat(envWins.exitCode()).as(envWins.toString()).isEqualTo(ExitCodes.OK);
    assertThat(envWins.err()).contains("warning: the credentials file " + file + " can be read by other users");

    PushRun missing = PushRun.run(Map.of("DETECTC_CREDENTIALS_FILE", temp.resolve("absent").toString()), "--target",
        "lucene", "--to", kibana.server().url(), ONE);
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("cannot read the credentials file " + temp.resolve("absent"));
  }
}
