package dev.detectc.rule;

import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Diagnostics;
import dev.detectc.source.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes YAML into SnakeYAML nodes (never Java objects), so positions survive, and enforces
 * the limits that keep hostile input from exhausting memory or the stack: document size,
 * nesting depth, alias count and the number of nodes reachable through aliases.
 */
public final class YamlComposer {

  static final int MAX_CODE_POINTS = 4 * 1024 * 1024;
  static final int MAX_DEPTH = 64;
  static final int MAX_ALIASES = 50;
  static final int MAX_NODES = 200_000;

  private YamlComposer() {}

  /** The documents of {@code text}, in order; problems go to {@code diagnostics}. */
  public static List<Node> compose(String text, Diagnostics diagnostics) {
    List<Node> documents = new ArrayList<>();
    if (text.length() > MAX_CODE_POINTS) {
      diagnostics.error(DiagnosticCode.YAML_LIMIT, new SourcePosition(1, 1),
          "file is larger than " + MAX_CODE_POINTS + " characters; refusing to parse it");
      return documents;
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    options.setAllowDuplicateKeys(true); // the composer never checks; we report duplicates ourselves
    // The composer alone, not a Yaml facade: the facade builds a constructor, a representer and
    // their reflection caches that composing never uses, and it did so once per rule file.
    Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
    try {
      while (composer.checkNode()) {
        Node document = composer.getNode();
        if (document != null && checkStructure(document, diagnostics)) {
          documents.add(document);
        }
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      diagnostics.error(codeFor(e), position(mark), describe(e));
    } catch (YAMLException e) {
      diagnostics.error(codeFor(e), new SourcePosition(1, 1), firstLine(e.getMessage()));
    } catch (StackOverflowError e) {
      diagnostics.error(DiagnosticCode.YAML_LIMIT, new SourcePosition(1, 1), "YAML nesting is too deep to parse");
    }
    return documents;
  }

  static SourcePosition position(Mark mark) {
    return mark == null ? SourcePosition.UNKNOWN : new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
  }

  static SourcePosition position(Node node) {
    return position(node.getStartMark());
  }

  private static DiagnosticCode codeFor(YAMLException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    boolean limit = message.contains("number of aliases") || message.contains("nesting depth")
        || message.contains("code point limit") || message.contains("recursive");
    return limit ? DiagnosticCode.YAML_LIMIT : DiagnosticCode.YAML_SYNTAX;
  }

  private static String describe(MarkedYAMLException e) {
    StringBuilder text = new StringBuilder();
    if (e.getContext() != null) {
      text.append(e.getContext()).append(": ");
    }
    text.append(e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage()));
    return text.toString().replaceAll("\\s+", " ").trim();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed YAML";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * Walks a document once: reports duplicate keys and refuses documents whose alias expansion
   * or depth exceed the limits. Returns false when the document must not be used.
   */
  private static boolean checkStructure(Node document, Diagnostics diagnostics) {
    int[] budget = {MAX_NODES};
    return walk(document, 0, budget, new IdentityHashMap<>(), diagnostics);
  }

  private static boolean walk(Node node, int depth, int[] budget, Map<Node, Boolean> onPath, Diagnostics diagnostics) {
    if (--budget[0] < 0) {
      diagnostics.error(DiagnosticCode.YAML_LIMIT, position(node),
          "document expands to more than " + MAX_NODES + " nodes (alias bomb?)");
      return false;
    }
    if (depth > MAX_DEPTH || onPath.containsKey(node)) {
      diagnostics.error(DiagnosticCode.YAML_LIMIT, position(node), "document nests deeper than " + MAX_DEPTH + " levels");
      return false;
    }
    onPath.put(node, Boolean.TRUE);
    try {
      if (node instanceof MappingNode) {
        Map<String, Node> seen = new HashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
          Node key = tuple.getKeyNode();
          if (key instanceof ScalarNode) {
            String name = ((ScalarNode) key).getValue();
            Node first = seen.putIfAbsent(name, key);
            if (first != null) {
              diagnostics.error(DiagnosticCode.YAML_DUPLICATE_KEY, position(key),
                  "duplicate key '" + name + "' (first defined at line " + position(first).line() + ")");
            }
          }
          if (!walk(key, depth + 1, budget, onPath, diagnostics)
              || !walk(tuple.getValueNode(), depth + 1, budget, onPath, diagnostics)) {
            return false;
          }
        }
      } else if (node instanceof SequenceNode) {
        for (Node item : ((SequenceNode) node).getValue()) {
          if (!walk(item, depth + 1, budget, onPath, diagnostics)) {
            return false;
          }
        }
      }
      return true;
    } finally {
      onPath.remove(node);
    }
  }
}
