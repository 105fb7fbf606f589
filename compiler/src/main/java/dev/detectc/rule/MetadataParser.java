package dev.detectc.rule;

import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Located;
import dev.detectc.source.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads the attributes every Sigma document shares, checking them against the 2.1 schema. */
final class MetadataParser {

  static final Set<String> STATUSES = Set.of("stable", "test", "experimental", "deprecated", "unsupported");
  static final Set<String> LEVELS = Set.of("informational", "low", "medium", "high", "critical");
  static final Set<String> RELATED_TYPES = Set.of("derived", "obsolete", "merged", "renamed", "similar");
  private static final Pattern DATE = Pattern.compile("\\d{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])");

  private final NodeReader reader;

  MetadataParser(NodeReader reader) {
    this.reader = reader;
  }

  RuleInfo parse(String file, MappingNode document, Map<String, NodeTuple> entries) {
    Map<String, SourcePosition> keyPositions = new HashMap<>();
    entries.forEach((key, tuple) -> keyPositions.put(key, NodeReader.position(tuple.getKeyNode())));
    SourcePosition start = NodeReader.position(document);

    String title = bounded("title", entries, 256);
    if (!entries.containsKey("title")) {
      reader.diagnostics().error(DiagnosticCode.MISSING_FIELD, start, "the rule has no 'title'");
    }
    Located<String> id = located("id", entries);
    Located<String> name = located("name", entries);
    if (name != null && name.value().length() > 256) {
      reader.diagnostics().error(DiagnosticCode.FIELD_TOO_LONG, name.position(), "'name' is longer than 256 characters");
    }
    return new RuleInfo(
        file, start, title, id, name,
        oneOf("status", entries, STATUSES, DiagnosticCode.INVALID_STATUS),
        bounded("description", entries, 65535),
        scalar("author", entries),
        scalar("license", entries),
        bounded("taxonomy", entries, 256),
        strings("references", entries, false),
        date("date", entries),
        date("modified", entries),
        entries.containsKey("tags") ? reader.stringList("tags", entries.get("tags").getValueNode(), false) : List.of(),
        oneOf("level", entries, LEVELS, DiagnosticCode.INVALID_LEVEL),
        strings("falsepositives", entries, true),
        strings("fields", entries, false),
        strings("scope", entries, false),
        related(entries),
        keyPositions);
  }

  LogSource logsource(Map<String, NodeTuple> entries, SourcePosition documentStart) {
    NodeTuple tuple = entries.get("logsource");
    if (tuple == null) {
      reader.diagnostics().error(DiagnosticCode.MISSING_FIELD, documentStart, "the rule has no 'logsource'");
      return LogSource.empty(documentStart);
    }
    MappingNode node = reader.mapping("logsource", tuple.getValueNode());
    SourcePosition position = NodeReader.position(tuple.getKeyNode());
    if (node == null) {
      return LogSource.empty(position);
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, SourcePosition> positions = new HashMap<>();
    reader.entries(node).forEach((key, entry) -> {
      String value = reader.string("logsource." + key, entry.getValueNode());
      positions.put(key, NodeReader.position(entry.getKeyNode()));
      if (value != null) {
        values.put(key, value);
      }
    });
    LogSource logsource = new LogSource(
        values.remove("category"), values.remove("product"), values.remove("service"), values.remove("definition"),
        values, positions, position);
    if (logsource.category() == null && logsource.product() == null && logsource.service() == null) {
      reader.diagnostics().error(DiagnosticCode.EMPTY_LOGSOURCE, position,
          "logsource must name at least one of category, product or service");
    }
    return logsource;
  }

  private String scalar(String key, Map<String, NodeTuple> entries) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : reader.string(key, tuple.getValueNode());
  }

  private Located<String> located(String key, Map<String, NodeTuple> entries) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : reader.locatedString(key, tuple.getValueNode());
  }

  private String bounded(String key, Map<String, NodeTuple> entries, int maxLength) {
    String value = scalar(key, entries);
    if (value != null && value.length() > maxLength) {
      reader.diagnostics().error(DiagnosticCode.FIELD_TOO_LONG, NodeReader.position(entries.get(key).getValueNode()),
          "'" + key + "' is " + value.length() + " characters long; the limit is " + maxLength);
    }
    return value;
  }

  private String oneOf(String key, Map<String, NodeTuple> entries, Set<String> allowed, DiagnosticCode code) {
    String value = scalar(key, entries);
    if (value != null && !allowed.contains(value)) {
      reader.diagnostics().error(code, NodeReader.position(entries.get(key).getValueNode()),
          "'" + key + "' is '" + value + "'; expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
      return null;
    }
    return value;
  }

  private String date(String key, Map<String, NodeTuple> entries) {
    String value = scalar(key, entries);
    if (value != null && !DATE.matcher(value).matches()) {
      reader.diagnostics().error(DiagnosticCode.INVALID_DATE, NodeReader.position(entries.get(key).getValueNode()),
          "'" + key + "' is '" + value + "'; expected YYYY-MM-DD");
      return null;
    }
    return value;
  }

  private List<String> strings(String key, Map<String, NodeTuple> entries, boolean scalarAllowed) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? List.of() : reader.plainStrings(key, tuple.getValueNode(), scalarAllowed);
  }

  private List<RuleInfo.Related> related(Map<String, NodeTuple> entries) {
    NodeTuple tuple = entries.get("related");
    List<RuleInfo.Related> related = new ArrayList<>();
    if (tuple == null) {
      return related;
    }
    if (!(tuple.getValueNode() instanceof SequenceNode)) {
      reader.diagnostics().error(DiagnosticCode.INVALID_RELATED, NodeReader.position(tuple.getValueNode()),
          "'related' must be a list of {id, type} entries");
      return related;
    }
    for (Node item : ((SequenceNode) tuple.getValueNode()).getValue()) {
      if (!(item instanceof MappingNode)) {
        reader.diagnostics().error(DiagnosticCode.INVALID_RELATED, NodeReader.position(item),
            "each 'related' entry must be a mapping with 'id' and 'type'");
        continue;
      }
      Map<String, NodeTuple> fields = reader.entries((MappingNode) item);
      String id = fields.containsKey("id") ? reader.string("related.id", fields.get("id").getValueNode()) : null;
      String type = fields.containsKey("type") ? reader.string("related.type", fields.get("type").getValueNode()) : null;
      if (id == null || type == null) {
        reader.diagnostics().error(DiagnosticCode.INVALID_RELATED, NodeReader.position(item),
            "a 'related' entry needs both 'id' and 'type'");
      } else if (!RELATED_TYPES.contains(type)) {
        reader.diagnostics().error(DiagnosticCode.INVALID_RELATED, NodeReader.position(fields.get("type").getValueNode()),
            "related type '" + type + "' is not one of " + String.join(", ", new java.util.TreeSet<>(RELATED_TYPES)));
      } else {
        related.add(new RuleInfo.Related(id, type));
      }
    }
    return related;
  }
}
