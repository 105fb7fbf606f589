package dev.detectc.testing.spl;

/** Splunk's relative time spans as the emitted queries write them: {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}. */
final class Durations {

  private Durations() {}

  static long seconds(String span) {
    java.util.regex.Matcher parts = java.util.regex.Pattern.compile("(\\d+)(s|m|h|d)").matcher(span);
    if (!parts.matches()) {
      throw new UnmodelledException("a time span outside the emitted subset: " + span);
    }
    long amount = Long.parseLong(parts.group(1));
    switch (parts.group(2)) {
      case "s":
        return amount;
      case "m":
        return amount * 60;
      case "h":
        return amount * 3600;
      default:
        return amount * 86400;
    }
  }
}
