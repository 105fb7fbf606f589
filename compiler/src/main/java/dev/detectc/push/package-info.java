/**
 * Shipping rules to SIEMs: for each rule, read what the SIEM holds, compare the fields detectc
 * manages, then create, update or leave it alone ({@code detectc push}).
 *
 * <p>The desired state of a rule comes from a {@link dev.detectc.push.PushPayloads}, built from a
 * target's packaging writer ({@link dev.detectc.push.PackagedPayloads}). This package owns the
 * three SIEM clients, the field diff, retries, credentials and the result report. It depends on
 * {@code target} and below, never on {@code cli}. Invariant: no credential ever reaches an
 * output, error or log unredacted.
 */
package dev.detectc.push;
