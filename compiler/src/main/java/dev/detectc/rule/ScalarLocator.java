package dev.detectc.rule;

import dev.detectc.source.SourcePosition;
import dev.detectc.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps a character offset inside a scalar's value back to a line and column of the file.
 *
 * <p>Quoting, escapes, block indentation and line folding make the value differ from the
 * source text, so rather than model each YAML style the value is aligned greedily against
 * the scalar's source characters: each value character is matched to the next equal source
 * character, skipping quotes, escapes and folded whitespace. Conditions are short, so this is
 * cheap, and it stays right for every style Sigma authors use.
 */
final class ScalarLocator {

  private ScalarLocator() {}

  static IntFunction<SourcePosition> of(ScalarNode node, SourceText source) {
    String value = node.getValue();
    SourcePosition start = YamlComposer.position(node.getStartMark());
    SourcePosition end = YamlComposer.position(node.getEndMark());
    List<SourcePosition> aligned = align(value, start, end, source);
    return offset -> {
      if (aligned.isEmpty()) {
        return start;
      }
      if (offset < 0) {
        return aligned.get(0);
      }
      if (offset >= aligned.size()) {
        SourcePosition last = aligned.get(aligned.size() - 1);
        return last.shifted(offset - aligned.size() + 1);
      }
      return aligned.get(offset);
    };
  }

  private static List<SourcePosition> align(String value, SourcePosition start, SourcePosition end, SourceText source) {
    List<SourcePosition> positions = new ArrayList<>(value.length());
    int line = start.line();
    int column = start.column();
    for (int i = 0; i < value.length(); i++) {
      char wanted = value.charAt(i);
      int savedLine = line;
      int savedColumn = column;
      SourcePosition found = null;
      while (line <= Math.max(end.line(), start.line()) && line <= source.lines().size()) {
        String text = source.line(line);
        if (column - 1 >= text.length()) {
          line++;
          column = 1;
          continue;
        }
        char have = text.charAt(column - 1);
        column++;
        if (have == wanted) {
          found = new SourcePosition(line, column - 1);
          break;
        }
      }
      if (found == null) {
        // The value holds a character the source spells differently (an escape such as \t):
        // fall back to the last known place rather than guess.
        found = positions.isEmpty() ? start : positions.get(positions.size() - 1);
        line = savedLine;
        column = savedColumn + 1;
      }
      positions.add(found);
    }
    return positions;
  }
}
