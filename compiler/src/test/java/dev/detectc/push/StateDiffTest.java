package dev.detectc.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The managed-field comparison: what counts as a change and what is only a server's way of saying the same. */
class StateDiffTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final StateDiff json = new StateDiff(StateDiff.Leniency.JSON);
  final StateDiff splunk = new StateDiff(StateDiff.Leniency.SPLUNK_FORM);

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  List<String> paths(StateDiff diff, String desired, String actual) {
    return diff.diff(json(desired), json(actual)).stream().map(FieldChange::path).toList();
  }

  @Test
  void fieldsTheServerAddsAreIgnoredAtEveryDepth() {
    assertThat(paths(json, "{'name':'a','p':{'q':1}}",
        "{'name':'a','id':'x','updated_at':'now','p':{'q':1,'lastModifiedUtc':'t'}}")).isEmpty();
  }

  @Test
  void changedMissingAndNestedFieldsAreReportedByPath() {
    List<FieldChange> changes = json.diff(json("{'name':'b','note':'n','p':{'q':2},'tags':['x','y']}"),
        json("{'name':'a','p':{'q':1},'tags':['x','z']}"));
    assertThat(changes).extracting(FieldChange::path).containsExactly("name", "note", "p.q", "tags[1]");
    assertThat(changes.get(1).before()).isEmpty();
    assertThat(changes.get(0).before().get().asText()).isEqualTo("a");
    assertThat(changes.get(0).after().asText()).isEqualTo("b");
  }

  @Test
  void arraysOfDifferentLengthOrOrderDiffer() {
    assertThat(paths(json, "{'t':['a','b']}", "{'t':['a']}")).containsExactly("t");
    assertThat(paths(json, "{'t':['a','b']}", "{'t':['b','a']}")).containsExactly("t[0]", "t[1]");
    assertThat(paths(json, "{'t':[{'k':1}]}", "{'t':[{'k':1,'extra':true}]}")).isEmpty();
  }

  @Test
  void numbersCompareByValueAndTypesOtherwiseMatter() {
    assertThat(paths(json, "{'n':47}", "{'n':47.0}")).isEmpty();
    assertThat(paths(json, "{'n':47}", "{'n':'47'}")).containsExactly("n");
    assertThat(paths(json, "{'b':true}", "{'b':'true'}")).containsExactly("b");
    assertThat(paths(json, "{'o':{'a':1}}", "{'o':'text'}")).containsExactly("o");
  }

  @Test
  void durationsAndLineEndingsThatMeanTheSameAreEqual() {
    assertThat(paths(json, "{'d':'PT1H'}", "{'d':'PT60M'}")).isEmpty();
    assertThat(paths(json, "{'d':'P1D'}", "{'d':'PT24H'}")).isEmpty();
    assertThat(paths(json, "{'d':'PT1H'}", "{'d':'PT2H'}")).containsExactly("d");
    assertThat(paths(json, "{'d':'Public'}", "{'d':'Private'}")).containsExactly("d");
    assertThat(paths(json, "{'q':'a\\nb'}", "{'q':'a\\r\\nb'}")).isEmpty();
    assertThat(paths(json, "{'q':'a b'}", "{'q':'a  b'}")).containsExactly("q");
  }

  @Test
  void nullMeansAbsent() {
    assertThat(paths(json, "{'a':null}", "{}")).isEmpty();
    assertThat(paths(json, "{'a':null}", "{'a':null}")).isEmpty();
    assertThat(paths(json, "{'a':null}", "{'a':'set'}")).containsExactly("a");
    assertThat(paths(json, "{'a':'x'}", "{'a':null}")).containsExactly("a");
  }

  @Test
  void splunkFormStringsMatchItsTypedAnswers() {
    assertThat(paths(splunk, "{'is_scheduled':'1','disabled':'0','alert.track':'true','x':'off'}",
        "{'is_scheduled':true,'disabled':false,'alert.track':true,'x':false}")).isEmpty();
    assertThat(paths(splunk, "{'is_scheduled':'1'}", "{'is_scheduled':false}")).containsExactly("is_scheduled");
    assertThat(paths(splunk, "{'alert.severity':'4'}", "{'alert.severity':4}")).isEmpty();
    assertThat(paths(splunk, "{'alert.severity':'4'}", "{'alert.severity':5}")).containsExactly("alert.severity");
    assertThat(paths(splunk, "{'alert.severity':'high'}", "{'alert.severity':4}")).containsExactly("alert.severity");
    assertThat(paths(splunk, "{'is_scheduled':'maybe'}", "{'is_scheduled':true}")).containsExactly("is_scheduled");
    // JSON mode keeps types strict.
    assertThat(paths(json, "{'is_scheduled':'1'}", "{'is_scheduled':true}")).containsExactly("is_scheduled");
  }

  @Test
  void splunkBooleansAnsweredAsStringsMatchInEitherSpelling() {
    assertThat(paths(splunk, "{'alert.track':'1','alert.suppress':'0'}", "{'alert.track':'true','alert.suppress':'false'}"))
        .isEmpty();
    assertThat(paths(splunk, "{'alert.track':'1'}", "{'alert.track':'1'}")).isEmpty();
    assertThat(paths(splunk, "{'alert.track':'1'}", "{'alert.track':'false'}")).containsExactly("alert.track");
    // Only two boolean spellings are one value: a string that is not a boolean stays itself.
    assertThat(paths(splunk, "{'alert.track':'1'}", "{'alert.track':'auto'}")).containsExactly("alert.track");
    assertThat(paths(splunk, "{'alert_threshold':'1'}", "{'alert_threshold':'10'}")).containsExactly("alert_threshold");
    // JSON mode does not take these liberties.
    assertThat(paths(json, "{'alert.track':'1'}", "{'alert.track':'true'}")).containsExactly("alert.track");
  }
}
