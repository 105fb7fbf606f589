package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.EventTime;
import dev.detectc.eval.input.FieldPath;
import dev.detectc.ir.TimeUnit;
import dev.detectc.rule.ComparisonOp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;

/** A part of the field's timestamp (read as event times are, in UTC) compared with a number. */
final class TimePartMatcher implements EventMatcher {

  private final FieldPath field;
  private final TimeUnit unit;
  private final ComparisonOp op;
  private final long value;

  TimePartMatcher(FieldPath field, TimeUnit unit, ComparisonOp op, long value) {
    this.field = field;
    this.unit = unit;
    this.op = op;
    this.value = value;
  }

  @Override
  public boolean matches(JsonNode event) {
    return Values.any(field.get(event), node -> {
      long micros = EventTime.parse(node);
      return micros != EventTime.NONE && op.holds(Long.compare(part(micros, unit), value));
    });
  }

  static long part(long micros, TimeUnit unit) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
    switch (unit) {
      case MINUTE:
        return time.getMinute();
      case HOUR:
        return time.getHour();
      case DAY:
        return time.getDayOfMonth();
      case WEEK:
        return time.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case MONTH:
        return time.getMonthValue();
      default:
        return time.getYear();
    }
  }
}
