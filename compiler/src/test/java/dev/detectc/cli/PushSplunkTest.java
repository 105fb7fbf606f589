package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.push.fake.Loopback;
import dev.detectc.push.fake.FakeSplunk;
import dev.detectc.push.fake.Recorded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detectc push --target spl} against a splunk Splunk: form-encoded creates on the
 * collection, updates on the entry without {@code name}, typed JSON answers that still compare
 * equal, and a saved-search name full of URL metacharacters that stays one path segment.
 */
class PushSplunkTest {

  static final String TOKEN = "eyJraWQiOiJzcGx1bmsuc2VjcmV0IiwiYWxnIjoiSFM1MTIifQ.c3BsdW5rLXRva2VuLWZvci10ZXN0cw.sig";
  static final String NAMESPACE = "/servicesNS/nobody/SA-detectc";

  @RegisterExtension
  final Loopback<FakeSplunk> splunk = Loopback.of(() -> new FakeSplunk(NAMESPACE, TOKEN));

  @TempDir
  Path temp;


  PushRun push(String... rest) {
    String[] args = new String[rest.length + 6];
    System.arraycopy(new String[] {"--target", "spl", "--to", splunk.server().url() + NAMESPACE + "/", "--env",
        "test-fixtures/det0877/environment.yml"}, 0, args, 0, 6);
    System.arraycopy(rest, 0, args, 6, rest.length);
    return PushRun.run(Map.of("DETECTC_SPLUNK_TOKEN", TOKEN), args);
  }

  @Test
  void createsSavedSearchesFormEncodedThenFindsThemUnchangedDespiteTypedAnswers() {
    PushRun first = push("rules/det0877");
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
    int searches = splunk.emulator().searches().size();
    assertThat(searches).isGreaterThan(15);
    Recorded read = splunk.server().requests().get(0);
    Recorded create = splunk.server().requests().get(1);
    assertThat(read.method()).isEqualTo("GET");
    assertThat(read.path()).startsWith(NAMESPACE + "/saved/searches/detectc%20-%20");
    assertThat(read.query()).isEqualTo("output_mode=json");
    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.path()).isEqualTo(NAMESPACE + "/saved/searches");
    assertThat(create.query()).isEqualTo("output_mode=json");
    assertThat(create.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertThat(create.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(create.body()).startsWith("name=detectc+-+").contains("&search=").contains("&is_scheduled=1&")
        .contains("&alert.severity=");

    // The stored stanza answers is_scheduled as true and alert.severity as a number: still equal.
    splunk.server().clearRequests();
    PushRun second = push("rules/det0877");
    assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.OK);
    assertThat(splunk.server().writes()).isEmpty();
    assertThat(second.err()).contains("0 created, 0 updated, " + searches + " unchanged, 0 failed");
  }

  @Test
  void updatesOnTheEntryWithoutNameAndOnlyWhenAFieldChanged() throws Exception {
    Path rule = temp.resolve("rule.yml");
    Files.writeString(rule, Files.readString(Path.of("rules/det0877/dns_zone_transfer_unapproved_host.yml")));
    assertThat(push(rule.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    Files.writeString(rule, Files.readString(rule).replace("level: medium", "level: critical"));

    splunk.server().clearRequests();
    PushRun update = push(rule.toString());
    assertThat(update.exitCode()).as(update.toString()).isEqualTo(ExitCodes.OK);
    assertThat(update.out()).contains("~ alert.severity: 4 -> \"6\"");
    List<Recorded> writes = splunk.server().writes();
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).path()).isEqualTo(NAMESPACE + "/saved/searches/detectc%20-%20DNS%20Zone%20Transfer%20"
        + "Requested%20by%20a%20Host%20That%20Is%20Not%20an%20Approved%20Secondary");
    assertThat(writes.get(0).body()).doesNotContain("name=").contains("alert.severity=6");
    assertThat(splunk.emulator().searches().values().iterator().next().path("alert.severity").asInt()).isEqualTo(6);
  }

  @Test
  void aNameWithUrlMetacharactersStaysOneSegmentAndOneFormField() throws Exception {
    String title = "Odd / name? with #hash, 100% & \"quotes\" + plus=equals";
    Path rule = temp.resolve("odd.yml");
    Files.writeString(rule, Files.readString(Path.of("rules/det0877/dns_zone_transfer_unapproved_host.yml"))
        .replaceFirst("title: .*", "title: '" + title + "'"));
    PushRun run = push(rule.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    assertThat(splunk.emulator().searches()).containsOnlyKeys("detectc - " + title);
    assertThat(splunk.server().requests().get(0).path()).isEqualTo(NAMESPACE + "/saved/searches/detectc%20-%20Odd%20%2F%20name"
        + "%3F%20with%20%23hash%2C%20100%25%20%26%20%22quotes%22%20%2B%20plus%3Dequals");

    splunk.server().clearRequests();
    assertThat(push(rule.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(splunk.server().writes()).isEmpty();
  }
}
