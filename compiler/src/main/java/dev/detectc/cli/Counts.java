package dev.detectc.cli;

/**
 * Counts written with thousands separators for the summary and progress lines. Not through
 * {@code printf("%,d")}: its first use loads the platform's locale data, about 12 ms of every
 * {@code eval} run's start-up on one core, and its separator would change with the locale, so
 * the same run would print differently on two machines. The eval summary line is built with a
 * StringBuilder for the same reason: a {@code +} concatenation links a new call site on first
 * use, which cost more start-up than the formatting it replaced. (The progress line, drawn on a
 * terminal once a second, has no such cost to save.)
 */
final class Counts {

  private Counts() {}

  /** {@code count} in decimal with a comma every three digits: {@code 1,000,000}. */
  static String grouped(long count) {
    String text = Long.toString(count);
    String digits = count < 0 ? text.substring(1) : text;
    StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
    if (count < 0) {
      out.append('-');
    }
    int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    out.append(digits, 0, head);
    for (int i = head; i < digits.length(); i += 3) {
      out.append(',').append(digits, i, i + 3);
    }
    return out.toString();
  }
}
