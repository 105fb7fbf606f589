package dev.detectc.target;

import java.util.Locale;

/** What a target column holds, as far as choosing operators and casts is concerned. */
public enum FieldType {
  STRING,
  NUMBER,
  BOOL,
  DATETIME,
  /** Semi-structured (JSON) values: any operator applies, absent members read as null. */
  DYNAMIC,
  /** Another typed scalar (guid, timespan): compared as text. */
  OTHER,
  /** A field whose type nobody declared (profile {@code none}): no casts are added. */
  UNKNOWN;

  /** The type of a Kusto-style type name ({@code string}, {@code int}, {@code real}...). */
  public static FieldType of(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "string":
        return STRING;
      case "int":
      case "long":
      case "real":
      case "double":
      case "decimal":
      case "number":
        return NUMBER;
      case "bool":
      case "boolean":
        return BOOL;
      case "datetime":
        return DATETIME;
      case "dynamic":
        return DYNAMIC;
      case "unknown":
        return UNKNOWN;
      default:
        return OTHER;
    }
  }

  /** True when string operators apply without a cast. */
  public boolean isTextual() {
    return this == STRING || this == DYNAMIC || this == UNKNOWN;
  }
}
