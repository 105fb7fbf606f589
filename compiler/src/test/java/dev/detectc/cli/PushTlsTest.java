package dev.detectc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.push.fake.FakeKibana;
import dev.detectc.push.fake.FakeSiemServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS is verified by default: a self-signed certificate (made with the JDK's keytool for a host
 * name that is not the one connected to) fails the run with a clear message; {@code --insecure}
 * accepts it and warns.
 */
class PushTlsTest {

  static final String KEY = PushKibanaTest.KEY;

  @TempDir
  Path temp;

  @Test
  void aSelfSignedCertificateIsRefusedUnlessInsecureIsGiven() throws Exception {
    FakeKibana kibana = new FakeKibana("", KEY);
    try (FakeSiemServer server = FakeSiemServer.startTls(kibana, selfSigned())) {
      PushRun refused = PushRun.run(Map.of("DETECTC_ELASTIC_API_KEY", KEY), "--target", "lucene", "--to",
          server.url(), "--env", "test-fixtures/det0877/environment.yml", "rules/det0877/dns_zone_transfer_unapproved_host.yml",
          "rules/det0877/dns_canary_name_lookup.yml");
      assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.PUSH_FAILED);
      assertThat(refused.out()).contains("TLS with 127.0.0.1 failed: unable to find valid certification path to requested target")
          .contains("add it to the Java trust store").contains("skipped ");
      assertThat(kibana.rules()).isEmpty();

      PushRun insecure = PushRun.run(Map.of("DETECTC_ELASTIC_API_KEY", KEY), "--target", "lucene", "--to",
          server.url(), "--env", "test-fixtures/det0877/environment.yml", "--insecure",
          "rules/det0877/dns_zone_transfer_unapproved_host.yml");
      assertThat(insecure.exitCode()).as(insecure.toString()).isEqualTo(ExitCodes.OK);
      assertThat(insecure.err()).contains("warning: --insecure: TLS certificates and host names are not checked");
      assertThat(kibana.rules()).hasSize(1);
    }
  }

  private SSLContext selfSigned() throws Exception {
    Path store = temp.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "fake", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=not-this-host.example", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(factory.getKeyManagers(), null, null);
    return context;
  }
}
