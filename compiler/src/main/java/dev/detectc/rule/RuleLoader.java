package dev.detectc.rule;

import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Diagnostics;
import dev.detectc.source.SourcePosition;
import dev.detectc.source.SourceText;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Loads Sigma rule files: every YAML document of a file becomes a detection, correlation or
 * filter rule, with v1 collection actions ({@code global}, {@code reset}, {@code repeat})
 * applied first. Problems are collected, never thrown: one bad document does not hide the others.
 */
public final class RuleLoader {

  /** Lists the rule files under {@code paths}: files as given, folders searched recursively, sorted. */
  public static List<Path> collect(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(RuleLoader::isYaml).sorted().forEach(files::add);
        }
      } else {
        files.add(path);
      }
    }
    return files;
  }

  static boolean isYaml(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".yml") || name.endsWith(".yaml");
  }

  public LoadedFile load(Path path) {
    String file = path.toString();
    try {
      byte[] bytes = Files.readAllBytes(path);
      String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      return load(file, text);
    } catch (CharacterCodingException e) {
      return unreadable(file, "the file is not valid UTF-8");
    } catch (IOException e) {
      return unreadable(file, "cannot read the file: " + e.getMessage());
    }
  }

  private static LoadedFile unreadable(String file, String message) {
    Diagnostics diagnostics = new Diagnostics(file);
    diagnostics.error(DiagnosticCode.IO_ERROR, SourcePosition.UNKNOWN, message);
    return new LoadedFile(file, SourceText.of(file, ""), List.of(), diagnostics.toList());
  }

  public LoadedFile load(String file, String text) {
    String normalized = SourceText.normalizeLineBreaks(text.startsWith("\uFEFF") ? text.substring(1) : text);
    SourceText source = SourceText.of(file, normalized);
    Diagnostics fileDiagnostics = new Diagnostics(file);
    List<Node> nodes = YamlComposer.compose(normalized, fileDiagnostics);
    List<LoadedDocument> documents = new ArrayList<>();
    MappingNode global = null;
    MappingNode previous = null;
    for (Node node : nodes) {
      if (!(node instanceof MappingNode)) {
        if (!NodeReader.isNull(node)) {
          fileDiagnostics.error(DiagnosticCode.YAML_NOT_A_MAP, NodeReader.position(node),
              "a rule document must be a mapping of attributes");
        }
        continue;
      }
      MappingNode mapping = (MappingNode) node;
      String action = action(mapping, fileDiagnostics);
      if (action != null) {
        MappingNode body = CollectionMerge.without(mapping, "action");
        if (action.equals("global")) {
          global = global == null ? body : CollectionMerge.merge(global, body);
        } else if (action.equals("reset")) {
          global = null;
        } else if (action.equals("repeat")) {
          if (previous == null) {
            fileDiagnostics.error(DiagnosticCode.COLLECTION_ACTION, NodeReader.position(mapping),
                "'action: repeat' has no previous rule to repeat");
          } else {
            previous = CollectionMerge.merge(previous, body);
            document(file, source, previous, documents, fileDiagnostics);
          }
        }
        continue;
      }
      previous = global == null ? mapping : CollectionMerge.merge(global, mapping);
      document(file, source, previous, documents, fileDiagnostics);
    }
    return new LoadedFile(file, source, documents, fileDiagnostics.toList());
  }

  private static String action(MappingNode mapping, Diagnostics diagnostics) {
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode && ((ScalarNode) tuple.getKeyNode()).getValue().equals("action")) {
        Node value = tuple.getValueNode();
        String action = value instanceof ScalarNode ? ((ScalarNode) value).getValue() : null;
        if (!List.of("global", "reset", "repeat").contains(action)) {
          diagnostics.error(DiagnosticCode.COLLECTION_ACTION, NodeReader.position(value),
              "unknown collection action '" + action + "'; expected global, reset or repeat");
          return "reset".equals(action) ? action : "invalid";
        }
        return action;
      }
    }
    return null;
  }

  private void document(String file, SourceText source, MappingNode mapping, List<LoadedDocument> documents,
      Diagnostics fileDiagnostics) {
    Diagnostics diagnostics = new Diagnostics(file);
    NodeReader reader = new NodeReader(diagnostics);
    Map<String, NodeTuple> entries = reader.entries(mapping);
    MetadataParser metadata = new MetadataParser(reader);
    DetectionParser detectionParser = new DetectionParser(reader, source);
    SourcePosition start = NodeReader.position(mapping);
    SigmaDocument document = null;
    if (entries.containsKey("correlation")) {
      RuleInfo info = metadata.parse(file, mapping, entries);
      document = new CorrelationParser(reader, detectionParser).parse(info, entries.get("correlation"), entries.get("generate"));
    } else if (entries.containsKey("filter")) {
      RuleInfo info = metadata.parse(file, mapping, entries);
      LogSource logsource = metadata.logsource(entries, start);
      document = new FilterParser(reader, detectionParser).parse(info, logsource, entries.get("filter"));
    } else if (entries.containsKey("detection") || entries.containsKey("logsource")) {
      RuleInfo info = metadata.parse(file, mapping, entries);
      LogSource logsource = metadata.logsource(entries, start);
      NodeTuple detection = entries.get("detection");
      if (detection == null) {
        diagnostics.error(DiagnosticCode.MISSING_FIELD, start, "the rule has no 'detection'");
      } else {
        Detection parsed = detectionParser.parse("detection", detection.getValueNode(),
            NodeReader.position(detection.getKeyNode()), List.of());
        document = new SigmaRule(info, logsource, parsed);
      }
    } else if (entries.containsKey("placeholders")) {
      // An environment file kept beside the rules it serves (rules/<pack>/environment.example.yml).
      return;
    } else {
      diagnostics.error(DiagnosticCode.UNKNOWN_DOCUMENT, start,
          "this document has none of 'detection', 'correlation' or 'filter'");
    }
    if (document == null) {
      diagnostics.toList().forEach(fileDiagnostics::add);
    } else {
      documents.add(new LoadedDocument(document, diagnostics.toList()));
    }
  }
}
