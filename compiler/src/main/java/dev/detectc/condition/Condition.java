package dev.detectc.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A parsed Sigma condition. And/Or are n-ary and flattened on construction. */
public sealed interface Condition permits Condition.And, Condition.Or, Condition.Not, Condition.Reference, Condition.Quantified {

  <R> R accept(Visitor<R> visitor);

  /** One method per node kind: adding a node breaks every visitor at compile time. */
  interface Visitor<R> {
    R visitAnd(And and);

    R visitOr(Or or);

    R visitNot(Not not);

    R visitReference(Reference reference);

    R visitQuantified(Quantified quantified);
  }

  /** All terms must hold. */
  record And(List<Condition> terms) implements Condition {
    public And {
      terms = flatten(terms, And.class);
      if (terms.size() < 2) {
        throw new IllegalArgumentException("and needs two or more terms");
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAnd(this);
    }
  }

  /** Any term must hold. */
  record Or(List<Condition> terms) implements Condition {
    public Or {
      terms = flatten(terms, Or.class);
      if (terms.size() < 2) {
        throw new IllegalArgumentException("or needs two or more terms");
      }
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitOr(this);
    }
  }

  /** Negation. */
  record Not(Condition operand) implements Condition {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNot(this);
    }
  }

  /** A search identifier by name; {@code offset} is where it starts in the condition text. */
  record Reference(String name, int offset) implements Condition {
    public Reference {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitReference(this);
    }
  }

  /** {@code 1 of pattern}, {@code all of them}; a null pattern means {@code them}. */
  record Quantified(Quantifier quantifier, String pattern, int offset) implements Condition {
    public Quantified {
      Objects.requireNonNull(quantifier, "quantifier");
    }

    public boolean isThem() {
      return pattern == null;
    }

    /**
     * True when this quantifier selects the search {@code name}: {@code them} and patterns skip
     * names starting with '_' unless the pattern itself starts with '_'.
     */
    public boolean selects(String name) {
      if (name.startsWith("_") && (pattern == null || !pattern.startsWith("_"))) {
        return false;
      }
      return pattern == null || globMatches(pattern, 0, name, 0);
    }

    private static boolean globMatches(String glob, int g, String text, int t) {
      while (g < glob.length()) {
        char c = glob.charAt(g);
        if (c == '*') {
          for (int skip = t; skip <= text.length(); skip++) {
            if (globMatches(glob, g + 1, text, skip)) {
              return true;
            }
          }
          return false;
        }
        if (t >= text.length() || text.charAt(t) != c) {
          return false;
        }
        g++;
        t++;
      }
      return t == text.length();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitQuantified(this);
    }
  }

  /** How many of the selected identifiers must hold. */
  enum Quantifier {
    ONE("1"),
    ALL("all");

    private final String keyword;

    Quantifier(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }

  private static List<Condition> flatten(List<Condition> terms, Class<? extends Condition> kind) {
    List<Condition> flat = new ArrayList<>();
    for (Condition term : terms) {
      Objects.requireNonNull(term, "term");
      if (kind.isInstance(term)) {
        flat.addAll(term instanceof And ? ((And) term).terms() : ((Or) term).terms());
      } else {
        flat.add(term);
      }
    }
    return List.copyOf(flat);
  }
}
