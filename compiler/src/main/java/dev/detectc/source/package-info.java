/**
 * Positions and diagnostics shared by every phase. Depends on nothing else in detectc.
 *
 * <p>Invariant: every line and column this package hands out is 1-based.
 */
package dev.detectc.source;
