package dev.detectc.eval.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.source.Diagnostic;
import dev.detectc.testing.Shared;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.detectc.eval.input.FieldSelection;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventReadersTest {

  @TempDir
  Path folder;

  private record Read(List<Event> events, List<Diagnostic> problems) {
    List<String> messages() {
      return problems.stream().map(Diagnostic::headline).toList();
    }
  }

  private Read read(String name, String content) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return read(file);
  }

  private static Read read(Path file) throws IOException {
    ReadProblems problems = new ReadProblems(file.toString());
    List<Event> events = new ArrayList<>();
    EventReader reader = EventReaders.open(file, EventTime.defaults(), problems);
    if (reader != null) {
      try (reader) {
        for (Event event = reader.next(); event != null; event = reader.next()) {
          events.add(event);
        }
      }
    }
    return new Read(events, problems.toList());
  }

  @Test
  void ndjsonSkipsBadLinesAndKeepsTheRest() throws IOException {
    Read read = read("a.ndjson", "\uFEFF{\"a\": 1}\r\n\n  \n{\"a\": 2} {\"b\": 3}\nnot json\n[1, 2]\n{\"a\": 4}");
    assertThat(read.events()).extracting(Event::line).containsExactly(1L, 7L);
    assertThat(read.events().get(1).fields().get("a").intValue()).isEqualTo(4);
    assertThat(read.messages()).hasSize(3);
    assertThat(read.messages().get(0)).startsWith(folder.resolve("a.ndjson") + ":4:").contains("line skipped");
    assertThat(read.messages().get(1)).contains(":5:1:").contains("not valid JSON");
    assertThat(read.messages().get(2)).contains(":6:1:").contains("must be a JSON object, not array");
  }

  @Test
  void selectedFieldsAreBuiltAloneAndBadLinesAreStillFound() throws IOException {
    Path file = folder.resolve("p.ndjson");
    Files.writeString(file, "{\"ts\": 1, \"id\": {\"orig_h\": \"a\", \"x\": [1]}, \"big\": {\"deep\": [1, 2]}, \"q\": \"x\","
        + " \"n\": 12345678901, \"f\": 0.5, \"b\": false, \"z\": null}\n"
        + "{\"q\": \"x\", \"skipped\": [1, }\n{\"q\": 1} {\"q\": 2}\n[1]\n");
    ReadProblems problems = new ReadProblems(file.toString());
    List<Event> events = new ArrayList<>();
    FieldSelection selection = FieldSelection.of(List.of("ts", "id.orig_h", "q", "n", "f", "b", "z"));
    try (EventReader reader = EventReaders.open(file, EventTime.defaults(), problems, selection)) {
      for (Event event = reader.next(); event != null; event = reader.next()) {
        events.add(event);
      }
    }
    assertThat(events).singleElement().satisfies(event -> {
      assertThat(event.fields().toString()).isEqualTo(
          "{\"ts\":1,\"id\":{\"orig_h\":\"a\",\"x\":[1]},\"q\":\"x\",\"n\":12345678901,\"f\":0.5,\"b\":false,\"z\":null}");
      assertThat(event.time()).isEqualTo(1_000_000L);
    });
    assertThat(problems.toList()).extracting(d -> d.position().line() + " " + d.message().substring(0, 14))
        .containsExactly("2 not valid JSON", "3 not valid JSON", "4 an event must ");
  }

  @Test
  void jsonArrayGivesEachEventTheLineItStartsOn() throws IOException {
    Read read = read("a.json", "  [\n{\"a\": 1},\n  {\n \"a\": 2\n },\n 7,\n{\"a\": 3}\n]\n");
    assertThat(read.events()).extracting(Event::line).containsExactly(2L, 3L, 7L);
    assertThat(read.messages()).singleElement().asString().contains(":6:1:").contains("not number");
  }

  @Test
  void jsonArraySyntaxErrorKeepsEarlierEventsAndStops() throws IOException {
    Read read = read("a.json", "[{\"a\": 1},\n{\"a\": 2,,}\n, {\"a\": 3}]");
    assertThat(read.events()).extracting(Event::line).containsExactly(1L);
    assertThat(read.messages()).singleElement().asString().contains(":2:").contains("rest of the file is skipped");
  }

  @Test
  void zeekTsvIsTypedByItsHeader() throws IOException {
    String log = "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n"
        + "#fields\tts\tid.orig_h\tid.resp_p\tquery\tAA\tanswers\tTTLs\trtt\n"
        + "#types\ttime\taddr\tport\tstring\tbool\tvector[string]\tvector[interval]\tinterval\n"
        + "1521911720.865716\t10.0.0.1\t53\ta\\x09b\\xc3\\xa9\tT\tx,y\t1.5,2.0\t-\n"
        + "1521911721.000000\t10.0.0.2\t53\t(empty)\tF\t(empty)\t-\t0.25\n"
        + "1521911722.000000\t10.0.0.3\tnot-a-port\tq\tT\t-\t-\t-\n"
        + "1521911723.000000\ttoo\tfew\n#close\t2024\n";
    Read read = read("dns.log", log);
    assertThat(read.events()).extracting(Event::line).containsExactly(7L, 8L);
    Event first = read.events().get(0);
    assertThat(first.fields().get("id.orig_h").textValue()).isEqualTo("10.0.0.1");
    assertThat(first.fields().get("id.resp_p").isIntegralNumber()).isTrue();
    assertThat(first.fields().get("query").textValue()).isEqualTo("a\tbé");
    assertThat(first.fields().get("AA").booleanValue()).isTrue();
    assertThat(first.fields().get("answers")).hasSize(2);
    assertThat(first.fields().get("TTLs").get(0).doubleValue()).isEqualTo(1.5);
    assertThat(first.fields().has("rtt")).isFalse();
    assertThat(first.time()).isEqualTo(1_521_911_720_865_716L);
    Event second = read.events().get(1);
    assertThat(second.fields().get("query").textValue()).isEmpty();
    assertThat(second.fields().get("answers").isArray()).isTrue();
    assertThat(second.fields().get("answers")).isEmpty();
    assertThat(read.messages()).hasSize(2);
    assertThat(read.messages().get(0)).contains(":9:1:").contains("id.resp_p").contains("not a Zeek port");
    assertThat(read.messages().get(1)).contains(":10:1:").contains("expected 8").contains("found 3");
  }

  @Test
  void unknownFormatsAndMissingFilesAreReported() throws IOException {
    assertThat(read("a.txt", "hello").messages()).singleElement().asString()
        .contains("not NDJSON, a JSON array or a Zeek log");
    assertThat(read("empty.ndjson", " \n\n").events()).isEmpty();
    assertThat(read(folder.resolve("missing.ndjson")).messages()).singleElement().asString().contains("io-error");
  }

  @Test
  void gzipIsReadTransparently() throws IOException {
    Path file = folder.resolve("a.ndjson.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("{\"ts\": 1700000000}\n{\"ts\": 1700000001}\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(read(file).events()).extracting(Event::time).containsExactly(1_700_000_000_000_000L, 1_700_000_001_000_000L);
  }

  @Test
  void problemsBeyondTheLimitAreCountedNotKept() throws IOException {
    Read read = read("bad.ndjson", "x\n".repeat(ReadProblems.LIMIT + 5) + "{\"a\": 1}\n");
    assertThat(read.events()).hasSize(1);
    assertThat(read.problems()).hasSize(ReadProblems.LIMIT + 1);
    assertThat(read.messages().get(ReadProblems.LIMIT)).contains("5 more problem(s)");
  }

  @Test
  void realZeekAndWindowsLogsReadCleanly() throws IOException {
    Path logs = Shared.realLogs();
    Read zeek = read(logs.resolve("zeek/wrccdc2018_dns_normal-first60.log"));
    assertThat(zeek.problems()).isEmpty();
    assertThat(zeek.events()).hasSize(60).allMatch(Event::hasTime);
    assertThat(zeek.events().get(0).fields().get("answers").isArray()).isTrue();
    Read otrf = read(logs.resolve("zeek/otrf_apt29_day2_SCRANTON_dns.ndjson"));
    assertThat(otrf.problems()).isEmpty();
    assertThat(otrf.events()).isNotEmpty().allMatch(Event::hasTime);
    Read sysmon = read(logs.resolve("windows/otrf_lsass05_MKT01_sysmon22_dnsquery.ndjson"));
    assertThat(sysmon.problems()).isEmpty();
    assertThat(sysmon.events()).hasSize(58).allMatch(Event::hasTime);
    Read route53 = read(logs.resolve("cloud/elastic-integrations_aws_route53-resolver_test-route53.log"));
    assertThat(route53.problems()).isEmpty();
    assertThat(route53.events()).isNotEmpty();
  }
}
