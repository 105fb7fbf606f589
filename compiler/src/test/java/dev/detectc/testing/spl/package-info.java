/**
 * A small interpreter for exactly the SPL subset the spl target emits, parsed by the test-scoped
 * ANTLR grammar {@code SplQuery.g4}: search terms, eval expressions, multisearch, streamstats,
 * stats and bin, with Splunk's documented semantics. Behaviour Splunk does not document raises
 * {@link dev.detectc.testing.spl.UnmodelledException} so that no proof rests on a guess.
 */
package dev.detectc.testing.spl;
