package dev.detectc.ir;

import java.util.Objects;

/**
 * An {@code |expand} placeholder left unresolved because no environment was given (as in
 * {@code detectc validate}). Targets and the evaluator refuse it with an error naming it.
 */
public record Placeholder(String field, String name, MatchKind kind, boolean cidr, boolean cased) implements IrExpr {

  public Placeholder {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitPlaceholder(this);
  }
}
