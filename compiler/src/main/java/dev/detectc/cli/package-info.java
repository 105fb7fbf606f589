/**
 * The picocli command line: thin shells over the phases, output only through picocli's
 * writers so tests can capture it, exit codes from {@link dev.detectc.cli.ExitCodes}.
 */
package dev.detectc.cli;
