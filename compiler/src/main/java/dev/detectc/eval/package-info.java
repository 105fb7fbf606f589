/**
 * The reference evaluator: {@link dev.detectc.eval.MatcherCompiler} turns IR into small final
 * matcher classes over Jackson events, {@link dev.detectc.eval.Evaluation} runs compiled rules
 * over event files and feeds the correlation engine, alerts come out as {@link dev.detectc.eval.Alert}.
 * This package defines what Sigma means for every target to match. Depends on {@code ir},
 * {@code rule}, {@code condition} and {@code source}.
 *
 * <p>Invariants: all costly work (lowercasing, regex and CIDR parsing) happens at compile time;
 * regexes run on RE2/J, whose matching time is linear in the input, so no rule can hang a run.
 */
package dev.detectc.eval;
