package dev.detectc.target;

import java.util.Objects;

/**
 * Where a profile sends one Sigma field: a column of the table, or a target expression
 * ({@code tostring(parse_json(AdditionalFields).DnsQueryString)}) with a declared type.
 * {@code numberColumn} optionally takes numeric comparisons (DnsQueryType beside
 * DnsQueryTypeName); {@code valueSet} names spellings that mean the same value (AXFR and 252).
 */
public record FieldMapping(String column, String expression, FieldType type, FieldMapping numberColumn, String valueSet) {

  public FieldMapping {
    Objects.requireNonNull(type, "type");
    if ((column == null) == (expression == null)) {
      throw new IllegalArgumentException("a field maps to exactly one of a column or an expression");
    }
  }

  public static FieldMapping column(String column, FieldType type) {
    return new FieldMapping(column, null, type, null, null);
  }
}
