/**
 * The Sigma condition language: the hand-written AST ({@link dev.detectc.condition.Condition}),
 * its builder over the ANTLR parser generated into {@code condition.grammar}, and a canonical
 * printer. Nothing outside this package imports the generated classes.
 *
 * <p>Positions in the AST are character offsets into the condition string; callers map them
 * to file positions through {@code rule.ConditionSource}.
 */
package dev.detectc.condition;
