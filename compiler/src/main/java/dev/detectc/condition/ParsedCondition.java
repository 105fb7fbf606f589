package dev.detectc.condition;

import java.util.List;

/** The result of parsing one condition: the AST, or null with at least one error. */
public record ParsedCondition(Condition condition, List<ConditionError> errors) {

  public ParsedCondition {
    errors = List.copyOf(errors);
    if (condition == null && errors.isEmpty()) {
      throw new IllegalArgumentException("a failed parse must say why");
    }
  }

  public boolean ok() {
    return condition != null;
  }
}
