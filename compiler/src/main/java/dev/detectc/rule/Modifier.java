package dev.detectc.rule;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every value modifier of the Sigma 2.1 modifier appendix, with its spellings and category. */
public enum Modifier {
  CONTAINS(Category.GENERIC, "contains"),
  STARTSWITH(Category.GENERIC, "startswith"),
  ENDSWITH(Category.GENERIC, "endswith"),
  ALL(Category.GENERIC, "all"),
  EXISTS(Category.GENERIC, "exists"),
  CASED(Category.GENERIC, "cased"),
  NEQ(Category.GENERIC, "neq"),
  WINDASH(Category.STRING, "windash"),
  RE(Category.STRING, "re"),
  IGNORECASE(Category.REGEX_FLAG, "i", "ignorecase"),
  MULTILINE(Category.REGEX_FLAG, "m", "multiline"),
  DOTALL(Category.REGEX_FLAG, "s", "dotall"),
  BASE64(Category.ENCODING, "base64"),
  BASE64OFFSET(Category.ENCODING, "base64offset"),
  WIDE(Category.ENCODING, "wide"),
  UTF16LE(Category.ENCODING, "utf16le"),
  UTF16BE(Category.ENCODING, "utf16be"),
  UTF16(Category.ENCODING, "utf16"),
  LT(Category.NUMERIC, "lt"),
  LTE(Category.NUMERIC, "lte"),
  GT(Category.NUMERIC, "gt"),
  GTE(Category.NUMERIC, "gte"),
  MINUTE(Category.TIME, "minute"),
  HOUR(Category.TIME, "hour"),
  DAY(Category.TIME, "day"),
  WEEK(Category.TIME, "week"),
  MONTH(Category.TIME, "month"),
  YEAR(Category.TIME, "year"),
  CIDR(Category.IP, "cidr"),
  EXPAND(Category.SPECIFIC, "expand"),
  FIELDREF(Category.SPECIFIC, "fieldref");

  /** The groups of the modifier appendix; they decide which combinations make sense. */
  public enum Category {
    GENERIC,
    STRING,
    REGEX_FLAG,
    ENCODING,
    NUMERIC,
    TIME,
    IP,
    SPECIFIC
  }

  private static final Map<String, Modifier> BY_SPELLING = new HashMap<>();

  static {
    for (Modifier modifier : values()) {
      for (String spelling : modifier.spellings) {
        BY_SPELLING.put(spelling, modifier);
      }
    }
  }

  private final Category category;
  private final List<String> spellings;

  Modifier(Category category, String... spellings) {
    this.category = category;
    this.spellings = List.of(spellings);
  }

  public Category category() {
    return category;
  }

  /** The canonical spelling, as written in rules. */
  public String spelling() {
    return spellings.get(0);
  }

  public List<String> spellings() {
    return spellings;
  }

  /** Modifier names are matched exactly: Sigma writes them in lower case. */
  public static Optional<Modifier> fromSpelling(String text) {
    return Optional.ofNullable(BY_SPELLING.get(text));
  }

  public String describe() {
    return spelling() + " (" + category.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
  }
}
