/**
 * The correlation engine: Sigma correlation rules (event_count, value_count, temporal,
 * temporal_ordered, value_sum, value_avg, value_percentile) over the matches of the rules they
 * reference, with group-by, aliases, chaining and sliding windows in event time. Depends on
 * {@code ir}, {@code rule}, {@code condition}, {@code eval.alert} and {@code eval.input}.
 *
 * <p>Invariants: windows receive contributions in event-time order (a reorder buffer as deep as
 * the longest timespan absorbs out-of-order input); state is dropped once event time has moved
 * a timespan past it, so memory follows the active groups, not the length of the log.
 */
package dev.detectc.eval.correlation;
