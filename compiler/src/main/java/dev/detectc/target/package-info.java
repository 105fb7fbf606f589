/**
 * IR to query text: target specs ({@code targets/<name>/target.yaml}), profiles that map Sigma
 * log sources and fields to tables and columns, the shared {@link dev.detectc.target.QueryRenderer},
 * escapers, the locked-down FreeMarker engine and rule packaging. Depends on {@code ir},
 * {@code rule} and {@code source}.
 *
 * <p>Invariants: templates only interpolate and list (checked when they load); every value from a
 * rule reaches a query through an {@link dev.detectc.target.Escaper}; a rule a target cannot
 * express exactly is refused with a typed {@link dev.detectc.target.Refusal}, never rendered
 * approximately without a warning.
 */
package dev.detectc.target;
