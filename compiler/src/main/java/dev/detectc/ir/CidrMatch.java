package dev.detectc.ir;

import java.util.Objects;

/** The field holds an IP address inside {@code network}. */
public record CidrMatch(String field, Cidr network) implements IrExpr {

  public CidrMatch {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(network, "network");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitCidr(this);
  }
}
