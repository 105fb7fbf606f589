/**
 * Event readers: NDJSON, a JSON array and Zeek's TSV logs, detected by content and streamed
 * one event at a time, plus event-time extraction. Depends on Jackson and {@code source} only.
 *
 * <p>Invariants: every event carries its file and 1-based line; a malformed line becomes a
 * diagnostic and is skipped, never an exception that ends the run.
 */
package dev.detectc.eval.input;
