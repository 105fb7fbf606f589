package dev.detectc.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets are replaced in every form, and the streaming writer catches one split across writes. */
class RedactorTest {

  static final String SECRET = "id-1234:secret-5678";

  @Test
  void replacesTheSecretAndItsBase64Form() {
    Redactor redactor = Redactor.of(List.of(SECRET));
    String encoded = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
    assertThat(redactor.redact("key " + SECRET + " header ApiKey " + encoded + "."))
        .isEqualTo("key [REDACTED] header ApiKey [REDACTED].");
    assertThat(redactor.redact("nothing here")).isEqualTo("nothing here");
    assertThat(Redactor.NONE.redact(SECRET)).isEqualTo(SECRET);
  }

  @Test
  void aSecretContainingAnotherIsReplacedWhole() {
    Redactor redactor = Redactor.of(List.of("abcdefgh", "xxabcdefghyy"));
    assertThat(redactor.redact("1 xxabcdefghyy 2 abcdefgh")).isEqualTo("1 [REDACTED] 2 [REDACTED]");
  }

  @Test
  void theWriterHoldsTextBackUntilALineEnds() throws IOException {
    StringWriter target = new StringWriter();
    RedactingWriter writer = new RedactingWriter(target, Redactor.of(List.of(SECRET)));
    writer.write("first id-12");
    writer.write("34:secret");
    assertThat(target.toString()).isEmpty();
    writer.write("-5678 done\nsecond ");
    assertThat(target.toString()).isEqualTo("first [REDACTED] done\n");
    writer.write(SECRET);
    writer.flush();
    assertThat(target.toString()).isEqualTo("first [REDACTED] done\nsecond [REDACTED]");
  }
}
