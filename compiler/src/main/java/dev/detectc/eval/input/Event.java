package dev.detectc.eval.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One log event as a JSON object, where it was read ({@code file}, 1-based {@code line}) and
 * its time in epoch microseconds, or {@link EventTime#NONE} when it has no usable timestamp.
 */
public record Event(JsonNode fields, String file, long line, long time) {

  public Event {
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(file, "file");
  }

  public boolean hasTime() {
    return time != EventTime.NONE;
  }
}
