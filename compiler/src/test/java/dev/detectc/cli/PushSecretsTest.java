package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.push.fake.FakeKibana;
import dev.detectc.push.fake.FakeSentinel;
import dev.detectc.push.fake.FakeSiemServer;
import dev.detectc.push.fake.FakeSplunk;
import dev.detectc.push.fake.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No credential appears in anything push prints, on success or on any error path: every run's
 * stdout and stderr is searched for each secret and its base64 form, including runs against a
 * server that echoes the Authorization header back in its error message.
 */
class PushSecretsTest {

  static final String KIBANA_PAIR = "kibanaKeyId-1234:kibanaSecretPart-5678";
  static final String SPLUNK_TOKEN = "splunkTokenSecret.abcdefghijklmnop";
  static final String AZURE_TOKEN = "azureBearerSecret.qrstuvwxyz012345";
  static final String ENV = "test-fixtures/det0877/environment.yml";
  static final String ONE = "rules/det0877/dns_zone_transfer_unapproved_host.yml";

  @TempDir
  Path temp;

  final List<PushRun> runs = new ArrayList<>();

  @Test
  void noSecretInAnyOutputOnAnyPath() throws Exception {
    String encoded = Base64.getEncoder().encodeToString(KIBANA_PAIR.getBytes(StandardCharsets.UTF_8));
    Map<String, String> env = Map.of("DETECTC_ELASTIC_API_KEY", KIBANA_PAIR, "DETECTC_SPLUNK_TOKEN", SPLUNK_TOKEN,
        "DETECTC_AZURE_TOKEN", AZURE_TOKEN);
    FakeKibana kibana = new FakeKibana("", encoded);
    try (FakeSiemServer server = FakeSiemServer.start(kibana)) {
      String to = server.url();
      runs.add(PushRun.run(env, "--target", "lucene", "--to", to, "--env", ENV, "--verbose", ONE));
      runs.add(PushRun.run(env, "--target", "lucene", "--to", to, "--env", ENV, "--dry-run", "--format", "jsonl", ONE));
      // A server that quotes the credential back, in an error body and in a verbose retry log.
      server.faultWith("GET", FakeKibana.RULES, 5, request -> Reply.json(500,
          "{\"statusCode\":500,\"message\":\"bad header " + request.header("Authorization") + " from " + KIBANA_PAIR + "\"}"));
      PushRun echoed = PushRun.run(env, "--target", "lucene", "--to", to, "--env", ENV, "--verbose", ONE);
      runs.add(echoed);
      assertThat(echoed.out()).contains("bad header ApiKey [REDACTED] from [REDACTED]");
      server.faultWith("GET", FakeKibana.RULES, 1, request -> Reply.json(401,
          "{\"statusCode\":401,\"message\":\"rejected " + request.header("Authorization") + "\"}"));
      runs.add(PushRun.run(env, "--target", "lucene", "--to", to, "--env", ENV, "--format", "jsonl", ONE));
      runs.add(PushRun.run(Map.of("DETECTC_ELASTIC_API_KEY", "wrong:" + KIBANA_PAIR), "--target", "lucene", "--to",
          to, "--env", ENV, ONE));
    }
    try (FakeSiemServer server = FakeSiemServer.start(new FakeSplunk("/servicesNS/nobody/search", SPLUNK_TOKEN))) {
      server.faultWith("POST", "/saved/searches", 1, request -> Reply.json(400,
          "{\"messages\":[{\"type\":\"ERROR\",\"text\":\"echo " + request.header("Authorization") + "\"}]}"));
      runs.add(PushRun.run(env, "--target", "spl", "--to", server.url() + "/servicesNS/nobody/search", "--env", ENV,
          "--verbose", ONE));
    }
    try (FakeSiemServer server = FakeSiemServer.start(new FakeSentinel(AZURE_TOKEN, "2024-09-01"))) {
      server.faultWith("PUT", "/alertRules/", 1, request -> Reply.json(409,
          "{\"error\":{\"code\":\"Conflict\",\"message\":\"" + request.header("Authorization") + "\"}}"));
      server.faultWith("PUT", "/alertRules/", 1, request -> Reply.json(409,
          "{\"error\":{\"code\":\"Conflict\",\"message\":\"" + request.header("Authorization") + "\"}}"));
      runs.add(PushRun.run(env, "--target", "kql", "--to", server.url() + FakeSentinel.WORKSPACE, "--env", ENV, ONE));
    }
    Path file = temp.resolve("credentials");
    Files.writeString(file, "DETECTC_SPLUNK_TOKEN=" + SPLUNK_TOKEN + "\n" + AZURE_TOKEN + "\n");
    runs.add(PushRun.run(Map.of("DETECTC_CREDENTIALS_FILE", file.toString()), "--target", "spl", "--to",
        "https://splunk.example:8089/servicesNS/nobody/search", ONE));
    Files.writeString(file, SPLUNK_TOKEN + "==x=1\n");
    runs.add(PushRun.run(Map.of("DETECTC_CREDENTIALS_FILE", file.toString()), "--target", "spl", "--to",
        "https://splunk.example:8089/servicesNS/nobody/search", ONE));
    runs.add(PushRun.run(env, "--target", "kql", "--to", "https://user:" + AZURE_TOKEN + "@management.azure.com"
        + FakeSentinel.WORKSPACE, ONE));

    assertThat(runs).hasSize(10);
    for (String secret : List.of(KIBANA_PAIR, encoded, "kibanaSecretPart-5678", SPLUNK_TOKEN, AZURE_TOKEN,
        Base64.getEncoder().encodeToString(SPLUNK_TOKEN.getBytes(StandardCharsets.UTF_8)))) {
      for (PushRun run : runs) {
        assertThat(run.out()).as("stdout of\n" + run).doesNotContain(secret);
        assertThat(run.err()).as("stderr of\n" + run).doesNotContain(secret);
      }
    }
    assertThat(runs.get(5).out()).contains("echo Bearer [REDACTED]");
    assertThat(runs.get(7).err()).contains("credentials:2: expected NAME=value");
    assertThat(runs.get(8).err()).contains("credentials:1: unknown name; expected one of");
    assertThat(runs.get(9).err()).contains("--to must not contain user:password@");
  }
}
