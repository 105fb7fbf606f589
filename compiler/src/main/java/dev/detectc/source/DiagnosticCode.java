package dev.detectc.source;

import java.util.Locale;

/**
 * The catalogue of every diagnostic detectc reports. Each code is stable: scripts, SARIF
 * consumers and {@code test-fixtures/invalid/} key on the kebab-case id.
 */
public enum DiagnosticCode {
  // Reading and YAML
  IO_ERROR("the file cannot be read"),
  YAML_SYNTAX("the YAML is malformed"),
  YAML_DUPLICATE_KEY("a mapping repeats a key"),
  YAML_LIMIT("the document exceeds a safety limit (size, nesting, aliases)"),
  YAML_NOT_A_MAP("a document is not a mapping"),

  // Rule schema
  UNKNOWN_DOCUMENT("a document is neither a detection, correlation nor filter rule"),
  MISSING_FIELD("a required attribute is absent"),
  FIELD_TYPE("an attribute has the wrong YAML type"),
  FIELD_TOO_LONG("an attribute exceeds its maximum length"),
  INVALID_STATUS("status is not one of the allowed values"),
  INVALID_LEVEL("level is not one of the allowed values"),
  INVALID_DATE("date or modified is not YYYY-MM-DD"),
  INVALID_RELATED("a related entry is malformed"),
  EMPTY_LOGSOURCE("logsource names no category, product or service"),
  COLLECTION_ACTION("a v1 collection action is unknown or misplaced"),

  // Detection and values
  EMPTY_DETECTION("the detection defines no search identifier"),
  INVALID_SEARCH("a search identifier has an unusable shape"),
  NULL_IN_LIST("null appears inside a value list"),
  KEYWORD_NULL("null is used as a keyword, not bound to a field"),
  UNKNOWN_MODIFIER("a value modifier is not defined by Sigma"),
  MODIFIER_ORDER("a modifier must come first in the chain"),
  MODIFIER_CONFLICT("two modifiers cannot be combined"),
  MODIFIER_DUPLICATE("a modifier is applied twice"),
  MODIFIER_VALUE_TYPE("a modifier is applied to a value of the wrong type"),
  INVALID_REGEX("a regular expression does not compile"),
  INVALID_CIDR("a CIDR network is malformed or has host bits set"),
  WILDCARD_NOT_ALLOWED("a wildcard appears where the modifier forbids it"),
  INVALID_PLACEHOLDER("an expand value is not a %placeholder%"),
  UNRESOLVED_PLACEHOLDER("a placeholder has no value in the environment"),
  NON_ASCII_WIDE("wide/utf16 encodings are applied to a non-ASCII value"),
  EXPANSION_LIMIT("a modifier expands one value into too many alternatives"),

  // Condition
  CONDITION_SYNTAX("the condition does not parse"),
  CONDITION_PIPE("the deprecated pipe aggregation is used"),
  CONDITION_UNDEFINED("the condition names an undefined search identifier"),
  CONDITION_NO_MATCH("an 'x of' pattern matches no search identifier"),
  CONDITION_DEPTH("the condition nests deeper than the limit"),

  // Correlation and filter rules
  CORRELATION_TYPE("the correlation type is unknown"),
  CORRELATION_TIMESPAN("the correlation timespan is malformed"),
  CORRELATION_CONDITION("the correlation condition is malformed"),
  CORRELATION_FIELD("a value_* correlation lacks its field"),
  CORRELATION_REFERENCE("a correlation or filter names a rule that is not loaded"),
  CORRELATION_ALIAS("a correlation alias is malformed"),
  CORRELATION_CYCLE("correlations reference each other in a cycle"),
  FILTER_RULES("a filter's rules attribute is malformed"),

  // Targets (compile): per-rule refusals and approximations
  UNSUPPORTED_FEATURE("the target language cannot express part of the rule"),
  UNMAPPED_LOGSOURCE("the profile maps no table to the rule's log source"),
  UNMAPPED_FIELD("the profile maps no column to a field the rule uses"),
  APPROXIMATE_WINDOW("the target can only approximate the correlation's sliding window"),

  // Lint findings (warnings unless --strict)
  LINT_MISSING_ID("the rule has no id"),
  LINT_MALFORMED_ID("the id is not a UUID"),
  LINT_DUPLICATE_ID("two rules share an id"),
  LINT_DUPLICATE_NAME("two rules share a name"),
  LINT_TAG_FORMAT("a tag does not match namespace.value"),
  LINT_DUPLICATE_TAG("a tag is listed twice"),
  LINT_LOGSOURCE_KEY("logsource has an unknown key"),
  LINT_ALL_WITHOUT_CONTAINS("|all on a field without |contains can never match several values"),
  LINT_WINDASH_WITH_ALL("|windash with |all multiplies the values it must all match"),
  LINT_BASE64OFFSET_WITHOUT_CONTAINS("|base64offset without |contains matches only whole values"),
  LINT_UNUSED_SELECTION("a search identifier is never used by the condition"),
  LINT_ALL_OF_THEM("'all of them' is discouraged by the specification"),

  // Our own faults
  INTERNAL_ERROR("detectc failed on this input; this is a bug");

  private final String description;

  DiagnosticCode(String description) {
    this.description = description;
  }

  /** The stable kebab-case id printed in {@code error[id]}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String description() {
    return description;
  }

  public boolean isLint() {
    return name().startsWith("LINT_");
  }

  public static DiagnosticCode fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
