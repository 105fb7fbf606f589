/**
 * Lint findings detection engineers expect from {@code sigma check}: ids, tags, log source
 * keys, suspicious modifier combinations and unused searches. Findings are warnings; the CLI
 * raises them to errors under {@code --strict}. Depends on {@code rule}, {@code condition}, {@code source}.
 */
package dev.detectc.lint;
