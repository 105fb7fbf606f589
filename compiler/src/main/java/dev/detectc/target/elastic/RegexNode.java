package dev.detectc.target.elastic;

import java.util.List;
import java.util.Objects;

/**
 * A parsed Sigma regular expression, reduced to what every regex dialect shares: character
 * sets (literals, classes and dots, flags already applied), concatenation, alternation,
 * bounded repetition and the two anchors. Groups leave no node; they only bound precedence.
 */
sealed interface RegexNode permits RegexNode.Chars, RegexNode.Concat, RegexNode.Alt, RegexNode.Repeat,
    RegexNode.Anchor {

  /** One character from {@code set}. */
  record Chars(CodePointSet set) implements RegexNode {
    public Chars {
      Objects.requireNonNull(set, "set");
    }
  }

  /** The items one after another; empty matches the empty string. */
  record Concat(List<RegexNode> items) implements RegexNode {
    public Concat {
      items = List.copyOf(items);
    }
  }

  /** Any one of two or more options. */
  record Alt(List<RegexNode> options) implements RegexNode {
    public Alt {
      options = List.copyOf(options);
    }
  }

  /** {@code node} repeated {@code min} to {@code max} times; {@code max} is -1 for unbounded. */
  record Repeat(RegexNode node, int min, int max) implements RegexNode {
    public Repeat {
      Objects.requireNonNull(node, "node");
    }
  }

  /** {@code ^} / {@code \A} (start) or {@code $} / {@code \z} (end); {@code multiline} under {@code (?m)}. */
  record Anchor(boolean start, boolean multiline) implements RegexNode {}
}
