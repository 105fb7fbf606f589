/**
 * The closed, modifier-resolved intermediate representation every target and the evaluator
 * consume, and {@link dev.detectc.ir.Lowering}, which builds it from the rule model and the
 * parsed conditions. Depends on {@code rule}, {@code condition} and {@code source}.
 *
 * <p>Invariants: no raw modifier survives lowering; And/Or are n-ary with two or more terms;
 * string patterns keep their original case, and case-sensitivity is an explicit flag.
 */
package dev.detectc.ir;
