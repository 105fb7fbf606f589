/**
 * What the four Elastic query languages (Lucene query string, EQL, ES|QL, Query DSL) need in Java:
 * escaping per language, the translation of Sigma regular expressions into Lucene's regex syntax,
 * case folding for languages with no case-insensitive operator, and Kibana rule packaging.
 * Depends on {@code ir} only. Every value from a rule passes through one of the escapers here
 * before it reaches query text.
 */
package dev.detectc.target.elastic;
