package dev.detectc.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Prints push results: the per-rule table with field diffs under updated rules, or one JSON
 * object per rule, and a summary line. Every value is redacted before it is formatted.
 */
public final class ResultReport {

  private static final String ROW = "%-13s %-37s %s%n";
  private static final String INDENT = "                ";

  private final Siem siem;
  private final boolean dryRun;
  private final Redactor redactor;

  public ResultReport(Siem siem, boolean dryRun, Redactor redactor) {
    this.siem = Objects.requireNonNull(siem, "siem");
    this.dryRun = dryRun;
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  public void printTable(List<RuleResult> results, PrintWriter out) {
    out.printf(ROW, "RESULT", "RULE ID", "TITLE");
    for (RuleResult result : results) {
      out.printf(ROW, result.outcome().label(), result.ruleId(), redactor.redact(result.title()));
      for (FieldChange change : result.changes()) {
        out.println(INDENT + "~ " + change.path() + ": " + value(change.before().orElse(null)) + " -> "
            + value(change.after()));
      }
      if (!result.detail().isEmpty()) {
        out.println(INDENT + redactor.redact(result.detail()));
      }
    }
  }

  public void printJsonLines(List<RuleResult> results, PrintWriter out) {
    for (RuleResult result : results) {
      ObjectNode line = SiemRequests.JSON.createObjectNode();
      line.put("rule_id", result.ruleId());
      line.put("key", redactor.redact(result.key()));
      line.put("title", redactor.redact(result.title()));
      line.put("file", result.file());
      line.put("siem", siem.name().toLowerCase(Locale.ROOT));
      line.put("result", result.outcome().name().toLowerCase(Locale.ROOT));
      line.put("dry_run", dryRun);
      ArrayNode changes = line.putArray("changes");
      for (FieldChange change : result.changes()) {
        ObjectNode entry = changes.addObject();
        entry.put("field", change.path());
        entry.set("before", redacted(change.before().orElse(null)));
        entry.set("after", redacted(change.after()));
      }
      line.put("detail", redactor.redact(result.detail()));
      out.println(line.toString());
    }
  }

  /** {@code push to Kibana: 2 created, 1 updated, 20 unchanged, 1 failed}. */
  public String summary(List<RuleResult> results) {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    results.forEach(result -> counts.merge(result.outcome(), 1, Integer::sum));
    StringBuilder text = new StringBuilder(dryRun ? "dry run against " + siem.displayName() + " (nothing written): "
        : "push to " + siem.displayName() + ": ");
    if (dryRun) {
      text.append(counts.getOrDefault(Outcome.WOULD_CREATE, 0)).append(" would be created, ")
          .append(counts.getOrDefault(Outcome.WOULD_UPDATE, 0)).append(" would be updated, ");
    } else {
      text.append(counts.getOrDefault(Outcome.CREATED, 0)).append(" created, ")
          .append(counts.getOrDefault(Outcome.UPDATED, 0)).append(" updated, ");
    }
    text.append(counts.getOrDefault(Outcome.UNCHANGED, 0)).append(" unchanged, ")
        .append(counts.getOrDefault(Outcome.FAILED, 0)).append(" failed");
    append(text, counts, Outcome.SKIPPED, " skipped");
    append(text, counts, Outcome.NOT_PUSHED, " not pushed (rule errors)");
    return text.toString();
  }

  private static void append(StringBuilder text, Map<Outcome, Integer> counts, Outcome outcome, String label) {
    int count = counts.getOrDefault(outcome, 0);
    if (count > 0) {
      text.append(", ").append(count).append(label);
    }
  }

  private String value(JsonNode node) {
    if (node == null) {
      return "(absent)";
    }
    try {
      return redactor.redact(SiemRequests.JSON.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JsonNode always serialises", e);
    }
  }

  private JsonNode redacted(JsonNode node) {
    if (node == null) {
      return SiemRequests.JSON.nullNode();
    }
    if (node.isTextual()) {
      return SiemRequests.JSON.getNodeFactory().textNode(redactor.redact(node.textValue()));
    }
    if (node.isContainerNode()) {
      try {
        return SiemRequests.JSON.readTree(redactor.redact(SiemRequests.JSON.writeValueAsString(node)));
      } catch (JsonProcessingException e) {
        // Redaction cut through JSON syntax: fall back to the redacted text.
        return SiemRequests.JSON.getNodeFactory().textNode(value(node));
      }
    }
    return node;
  }
}
