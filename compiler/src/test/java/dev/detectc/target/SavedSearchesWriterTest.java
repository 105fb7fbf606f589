package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** savedsearches.conf written and read back: values survive line breaks, names stay distinct. */
class SavedSearchesWriterTest {

  private static SavedSearchStanza stanza(String name, String... keysAndValues) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      settings.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new SavedSearchStanza(name, settings);
  }

  @Test
  void multiLineSearchesAreContinuedAndReadBackExactly() {
    String search = "EventID=6001\n| where cidrmatch(\"10.0.0.0/8\", 'param3')\n| sort 0 _time";
    String text = SavedSearchesWriter.write("generated", List.of(stanza("Zone transfer", "search", search, "cron_schedule", "0 * * * *")));
    assertThat(text).contains("search = EventID=6001\\\n| where cidrmatch(\"10.0.0.0/8\", 'param3')\\\n| sort 0 _time\n");
    List<SavedSearchStanza> read = SavedSearchesReader.read(text);
    assertThat(read).hasSize(1);
    assertThat(read.get(0).settings()).containsEntry("search", search).containsEntry("cron_schedule", "0 * * * *");
  }

  @Test
  void aLineEndingInABackslashIsNotReadAsAContinuation() {
    String text = SavedSearchesWriter.write("", List.of(stanza("r", "description", "path C:\\\nnext", "disabled", "0")));
    SavedSearchStanza read = SavedSearchesReader.read(text).get(0);
    assertThat(read.settings()).containsEntry("description", "path C:\\ \nnext").containsEntry("disabled", "0");
    String last = SavedSearchesWriter.write("", List.of(stanza("r", "description", "ends C:\\", "disabled", "1")));
    assertThat(SavedSearchesReader.read(last).get(0).settings()).containsEntry("disabled", "1");
  }

  @Test
  void stanzaNamesLoseBracketsAndLineBreaksAndStayUnique() {
    String text = SavedSearchesWriter.write("", List.of(stanza("a [b]\nc", "x", "1"), stanza("a (b) c", "x", "2"),
        stanza("A (B) C", "x", "3")));
    assertThat(SavedSearchesReader.read(text).stream().map(SavedSearchStanza::name).toList())
        .containsExactly("a (b) c", "a (b) c (2)", "A (B) C (3)");
  }

  @Test
  void controlCharactersBecomeSpacesAndHeaderLinesAreComments() {
    String text = SavedSearchesWriter.write("line one\nline [two]", List.of(stanza("r", "description", "a\u0000b\u2028c")));
    assertThat(text).startsWith("# line one\n# line [two]\n");
    assertThat(SavedSearchesReader.read(text).get(0).settings()).containsEntry("description", "a b c");
  }
}
