/**
 * The SPL (Splunk) target's Java: the escaping of values and field names into SPL's two string
 * languages (search terms and eval expressions), and the regular expressions that carry every
 * value a search term cannot hold exactly.
 *
 * <p>Invariant: no text from a rule reaches a query except through {@link
 * dev.detectc.target.spl.SplEscaper} or {@link dev.detectc.target.spl.SplRegex}, and no emitted
 * query contains a raw control character.
 */
package dev.detectc.target.spl;
