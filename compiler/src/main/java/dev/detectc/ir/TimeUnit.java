package dev.detectc.ir;

/** The timestamp parts the Sigma 2.1 time modifiers extract. */
public enum TimeUnit {
  MINUTE,
  HOUR,
  DAY,
  WEEK,
  MONTH,
  YEAR;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
