package dev.detectc.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Diagnostics as JSON lines and as a SARIF 2.1.0 log, so CI systems can annotate rule lines. */
public final class DiagnosticJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DiagnosticJson() {}

  /** One JSON object: file, line, column, severity, code, message. */
  public static String line(Diagnostic diagnostic) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("file", diagnostic.file());
    node.put("line", diagnostic.position().line());
    node.put("column", diagnostic.position().column());
    node.put("severity", diagnostic.severity().label());
    node.put("code", diagnostic.code().id());
    node.put("message", diagnostic.message());
    return node.toString();
  }

  /** A complete SARIF 2.1.0 log with one run; every code used appears as a rule of the tool driver. */
  public static String sarif(List<Diagnostic> diagnostics, String version) {
    ObjectNode log = MAPPER.createObjectNode();
    log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "detectc");
    driver.put("version", version);
    driver.put("informationUri", "https://github.com/SigmaHQ/sigma-specification");
    ArrayNode rules = driver.putArray("rules");
    Map<DiagnosticCode, Integer> index = new java.util.EnumMap<>(DiagnosticCode.class);
    for (Diagnostic diagnostic : diagnostics) {
      index.computeIfAbsent(diagnostic.code(), code -> {
        ObjectNode rule = rules.addObject();
        rule.put("id", code.id());
        rule.putObject("shortDescription").put("text", code.description());
        return rules.size() - 1;
      });
    }
    ArrayNode results = run.putArray("results");
    for (Diagnostic diagnostic : diagnostics) {
      ObjectNode result = results.addObject();
      result.put("ruleId", diagnostic.code().id());
      result.put("ruleIndex", index.get(diagnostic.code()));
      result.put("level", diagnostic.isError() ? "error" : "warning");
      result.putObject("message").put("text", diagnostic.message());
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", diagnostic.file().replace('\\', '/'));
      if (diagnostic.position().isKnown()) {
        ObjectNode region = physical.putObject("region");
        region.put("startLine", diagnostic.position().line());
        region.put("startColumn", diagnostic.position().column());
      }
    }
    return log.toPrettyString();
  }
}
