package dev.detectc.ir;

import java.util.Objects;

/** The field is present in the event, whatever its value (empty and null included). */
public record FieldExists(String field) implements IrExpr {

  public FieldExists {
    Objects.requireNonNull(field, "field");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitExists(this);
  }
}
