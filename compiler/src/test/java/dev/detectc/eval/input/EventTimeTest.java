package dev.detectc.eval.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EventTimeTest {

  private static long micros(String instant) {
    Instant parsed = Instant.parse(instant);
    return parsed.getEpochSecond() * 1_000_000L + parsed.getNano() / 1_000;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2024-05-01T10:00:00Z          | 2024-05-01T10:00:00Z",
      "2024-05-01T10:00:00.123456789Z | 2024-05-01T10:00:00.123456Z",
      "2024-05-01 10:00:00.5         | 2024-05-01T10:00:00.500Z",
      "2024-05-01T12:00:00+02:00     | 2024-05-01T10:00:00Z",
      "2024-05-01T07:30-0230         | 2024-05-01T10:00:00Z",
      "2024-02-29                    | 2024-02-29T00:00:00Z",
      "2023-09-05T09:51:51.552Z      | 2023-09-05T09:51:51.552Z",
      "1714557600                    | 2024-05-01T10:00:00Z",
      "1714557600.25                 | 2024-05-01T10:00:00.250Z",
      "1714557600250                 | 2024-05-01T10:00:00.250Z",
      "1714557600250000              | 2024-05-01T10:00:00.250Z",
      "1714557600250000000           | 2024-05-01T10:00:00.250Z",
      "1969-12-31T23:59:59Z          | 1969-12-31T23:59:59Z"})
  void parsesIsoAndEpochText(String text, String expected) {
    assertThat(EventTime.parse(text)).isEqualTo(micros(expected));
  }

  @ParameterizedTest
  @CsvSource({"2024-13-01T00:00:00Z", "2023-02-29", "2024-05-01T24:00:00Z", "2024-05-01T10:00:00X", "yesterday", "''",
      "2024-05-01T10", "1.2.3", "NaN"})
  void refusesWhatIsNotATime(String text) {
    assertThat(EventTime.parse(text)).isEqualTo(EventTime.NONE);
  }

  @Test
  void readsTheFirstFieldThatHoldsATime() throws Exception {
    var event = new ObjectMapper().readTree(
        "{\"ts\": \"garbage\", \"TimeCreated\": {\"SystemTime\": \"2024-05-01 10:00:00.0000000\"}, \"_time\": 1}");
    assertThat(EventTime.defaults().of(event)).isEqualTo(micros("2024-05-01T10:00:00Z"));
    assertThat(new EventTime(List.of("_time")).of(event)).isEqualTo(1_000_000L);
    assertThat(new EventTime(List.of("nope")).of(event)).isEqualTo(EventTime.NONE);
    assertThat(EventTime.parse(new ObjectMapper().readTree("1714557600.000001"))).isEqualTo(micros("2024-05-01T10:00:00.000001Z"));
  }

  @Test
  void formatsAsIsoUtc() {
    assertThat(EventTime.format(micros("2024-05-01T10:00:00.250Z"))).isEqualTo("2024-05-01T10:00:00.250Z");
    assertThat(EventTime.format(-1)).isEqualTo("1969-12-31T23:59:59.999999Z");
  }
}
