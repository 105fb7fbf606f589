package dev.detectc.ir;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.rule.ComparisonOp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@link IrPrinter}'s expression format back into IR. It exists to prove the printer is
 * canonical and unambiguous: read(print(ir)) must equal ir for every rule.
 */
final class IrTextReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> lines;
  private int next;

  private IrTextReader(String text) {
    this.lines = text.lines().toList();
  }

  static IrExpr read(String text) {
    IrTextReader reader = new IrTextReader(text);
    IrExpr expr = reader.node(0);
    if (reader.next != reader.lines.size()) {
      throw new IllegalArgumentException("trailing text at line " + (reader.next + 1));
    }
    return expr;
  }

  private IrExpr node(int depth) {
    String line = lines.get(next++);
    String indent = "  ".repeat(depth);
    if (!line.startsWith(indent) || line.charAt(indent.length()) == ' ') {
      throw new IllegalArgumentException("bad indentation: " + line);
    }
    List<String> tokens = tokens(line.substring(indent.length()));
    String head = tokens.get(0);
    switch (head) {
      case "and":
        return IrExpr.and(children(depth));
      case "or":
        return IrExpr.or(children(depth));
      case "not":
        return new Not(children(depth).get(0));
      default:
        return leaf(head, tokens);
    }
  }

  private List<IrExpr> children(int depth) {
    List<IrExpr> children = new ArrayList<>();
    String childIndent = "  ".repeat(depth + 1);
    while (next < lines.size() && lines.get(next).startsWith(childIndent)
        && lines.get(next).charAt(childIndent.length()) != ' ') {
      children.add(node(depth + 1));
    }
    return children;
  }

  private static IrExpr leaf(String head, List<String> t) {
    boolean cased = t.get(t.size() - 1).equals("cased");
    switch (head) {
      case "string":
        return new StringMatch(t.get(1), kind(t.get(2)), Pattern.parse(t.get(3)), cased);
      case "keyword":
        return new KeywordMatch(kind(t.get(1)), Pattern.parse(t.get(2)), cased);
      case "regex":
        Set<RegexFlag> flags = EnumSet.noneOf(RegexFlag.class);
        if (t.size() > 3) {
          for (char letter : t.get(3).substring("flags=".length()).toCharArray()) {
            for (RegexFlag flag : RegexFlag.values()) {
              if (flag.letter() == letter) {
                flags.add(flag);
              }
            }
          }
        }
        return new RegexMatch(t.get(1), t.get(2), flags);
      case "cidr":
        String[] network = t.get(2).split("/");
        return new CidrMatch(t.get(1), new Cidr(network[0], Integer.parseInt(network[1]), t.size() > 3));
      case "number":
        return new NumericCompare(t.get(1), op(t.get(2)), new BigDecimal(t.get(3)));
      case "bool":
        return new BoolMatch(t.get(1), Boolean.parseBoolean(t.get(2)));
      case "exists":
        return new FieldExists(t.get(1));
      case "null":
        return new IsNull(t.get(1));
      case "fieldref":
        return new FieldRef(t.get(1), kind(t.get(2)), t.get(3), cased);
      case "timepart":
        return new TimePart(t.get(1), TimeUnit.valueOf(t.get(2).toUpperCase(Locale.ROOT)), op(t.get(3)),
            Long.parseLong(t.get(4)));
      case "placeholder":
        String name = t.get(3);
        return new Placeholder(t.get(1), name.substring(1, name.length() - 1), kind(t.get(2)), t.contains("cidr"), cased);
      default:
        throw new IllegalArgumentException("unknown node " + head);
    }
  }

  private static MatchKind kind(String id) {
    for (MatchKind kind : MatchKind.values()) {
      if (kind.id().equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown kind " + id);
  }

  private static ComparisonOp op(String id) {
    return ComparisonOp.fromId(id).orElseThrow();
  }

  /** Splits on spaces, keeping JSON string literals whole (and decoding them). */
  private static List<String> tokens(String line) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      if (line.charAt(i) == ' ') {
        i++;
      } else if (line.charAt(i) == '"') {
        int end = i + 1;
        while (line.charAt(end) != '"') {
          end += line.charAt(end) == '\\' ? 2 : 1;
        }
        try {
          tokens.add(JSON.readValue(line.substring(i, end + 1), String.class));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        i = end + 1;
      } else {
        int end = line.indexOf(' ', i);
        end = end < 0 ? line.length() : end;
        tokens.add(line.substring(i, end));
        i = end;
      }
    }
    return tokens;
  }
}
