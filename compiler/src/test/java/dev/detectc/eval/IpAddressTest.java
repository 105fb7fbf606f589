package dev.detectc.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "255.255.255.255", "10.0.0.53", "::", "::1", "2001:db8::53", "2001:DB8:0:0:0:0:0:1",
      "fe80::1:2:3:4", "1:2:3:4:5:6:7:8", "::ffff:192.0.2.7", "64:ff9b::192.0.2.33", "1::", "1:2:3:4:5:6::8"})
  void parsesWhatInetAddressParses(String text) throws Exception {
    byte[] expected = InetAddress.getByName(text).getAddress();
    byte[] actual = IpAddress.parse(text);
    if (expected.length == 4 && text.contains(":")) {
      // Java collapses IPv4-mapped IPv6 to IPv4; detectc keeps the family the log wrote.
      assertThat(actual).hasSize(16).endsWith(expected);
    } else {
      assertThat(actual).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.-4", "1..2.3", "1:2:3:4:5:6:7:8:9", "1::2::3",
      "12345::", "g::1", "::ffff:1.2.3", "[::1]", "example.com", "1.2.3.4 ", "1:2:3:4:5:6:7::8:9", "٣::"})
  void refusesWhatIsNotAnAddress(String text) {
    assertThat(IpAddress.parse(text)).isNull();
  }
}
