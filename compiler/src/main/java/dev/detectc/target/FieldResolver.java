package dev.detectc.target;

import dev.detectc.source.DiagnosticCode;

/**
 * Turns Sigma field names into target fields for one rule: through the profile's entry for the
 * rule's log source, or, in an open profile, by keeping the Sigma name (a dotted name is then a
 * path into a dynamic column). A field the profile cannot map refuses the rule, naming the field:
 * a condition is never dropped silently.
 */
final class FieldResolver {

  private final Profile profile;
  private final LogSourceMapping mapping;
  private final Escaper escaper;
  private final OpenMapping open;
  private final dev.detectc.rule.LogSource logsource;

  /** {@code mapping} is null for an open profile. */
  FieldResolver(Profile profile, LogSourceMapping mapping, Escaper escaper) {
    this(profile, mapping, escaper, null, null);
  }

  /** For an open profile with index-style renames and types ({@code open}), applied for the rule's log source. */
  FieldResolver(Profile profile, LogSourceMapping mapping, Escaper escaper, OpenMapping open,
      dev.detectc.rule.LogSource logsource) {
    this.profile = profile;
    this.mapping = mapping;
    this.escaper = escaper;
    this.open = open;
    this.logsource = logsource;
  }

  ResolvedField resolve(String sigma) {
    if (mapping == null && open != null && !open.isEmpty() && logsource != null) {
      String name = open.rename(logsource, sigma);
      return new ResolvedField(sigma, escaper.identifier(name), open.type(name), null, null);
    }
    if (mapping == null) {
      boolean path = sigma.contains(".") && !sigma.startsWith(".") && !sigma.endsWith(".") && !sigma.contains("..");
      return new ResolvedField(sigma, escaper.identifier(sigma), path ? FieldType.DYNAMIC : FieldType.UNKNOWN, null, null);
    }
    FieldMapping field = mapping.fields().get(sigma);
    if (field == null && mapping.identity()) {
      field = mapping.schema().column(sigma)
          .map(column -> FieldMapping.column(column, mapping.schema().type(column))).orElse(null);
    }
    if (field == null) {
      throw new RefusalException(DiagnosticCode.UNMAPPED_FIELD, "profile " + profile.name() + " maps no column to field '"
          + sigma + "' for log source " + mapping.describe() + " (table " + mapping.schema().name() + ")");
    }
    return resolved(sigma, field);
  }

  private ResolvedField resolved(String sigma, FieldMapping field) {
    String text = field.column() != null ? escaper.identifier(field.column()) : field.expression();
    ResolvedField number = field.numberColumn() == null ? null : resolved(sigma, field.numberColumn());
    return new ResolvedField(sigma, text, field.type(), number, field.valueSet());
  }
}
