package dev.detectc.eval.alert;

import java.util.Objects;

/** Where an event was read: a file and a 1-based line. */
public record EventRef(String file, long line) {

  public EventRef {
    Objects.requireNonNull(file, "file");
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
