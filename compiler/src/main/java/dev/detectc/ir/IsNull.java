package dev.detectc.ir;

import java.util.Objects;

/** Sigma's {@code field: null}: the field is absent or holds null (an empty string is not null). */
public record IsNull(String field) implements IrExpr {

  public IsNull {
    Objects.requireNonNull(field, "field");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitNull(this);
  }
}
