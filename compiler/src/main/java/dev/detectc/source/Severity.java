package dev.detectc.source;

/** How serious a diagnostic is: errors make a rule unusable, warnings are lint findings. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
