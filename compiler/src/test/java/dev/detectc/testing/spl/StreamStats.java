package dev.detectc.testing.spl;

import dev.detectc.testing.spl.grammar.SplQueryParser;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code streamstats}: for each row in stream order, the aggregations over the earlier rows of
 * its group (and itself unless {@code current=f}) that lie within {@code time_window} of it.
 * The window's far edge is inclusive, as in the Sigma evaluator (Splunk does not document it).
 * Rows lacking a by-field pass through without results. A time window needs rows in time order.
 */
final class StreamStats {

  private StreamStats() {}

  static List<Row> apply(SplQueryParser.StreamstatsCommandContext command, List<Row> rows) {
    Long window = null;
    boolean current = true;
    for (SplQueryParser.OptionContext option : command.option()) {
      String value = option.value.getText();
      switch (option.key.getText()) {
        case "time_window":
          window = Durations.seconds(value);
          break;
        case "current":
          current = !value.equals("f") && !value.equals("false");
          break;
        default:
          throw new UnmodelledException("a streamstats option outside the emitted subset: " + option.getText());
      }
    }
    if (window != null) {
      requireTimeOrder(rows);
    }
    List<String> byFields = Commands.byFields(command.byClause());
    List<Aggregation> aggregations = command.aggregation().stream().map(Aggregation::of).toList();
    Map<List<String>, ArrayDeque<Row>> groups = new HashMap<>();
    List<Row> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      List<String> key = Commands.groupKey(row, byFields);
      if (key == null) {
        out.add(row);
        continue;
      }
      ArrayDeque<Row> members = groups.computeIfAbsent(key, k -> new ArrayDeque<>());
      if (window != null) {
        BigDecimal span = BigDecimal.valueOf(window);
        while (!members.isEmpty() && members.peekFirst().time().subtract(row.time()).abs().compareTo(span) > 0) {
          members.pollFirst();
        }
      }
      if (current) {
        members.addLast(row);
      }
      Row result = row;
      for (Aggregation aggregation : aggregations) {
        result = result.with(aggregation.alias(), members.isEmpty() ? null : aggregation.apply(members));
      }
      if (!current) {
        members.addLast(row);
      }
      out.add(result);
    }
    return out;
  }

  private static void requireTimeOrder(List<Row> rows) {
    int direction = 0;
    for (int i = 1; i < rows.size(); i++) {
      int step = rows.get(i).time().compareTo(rows.get(i - 1).time());
      if (step != 0) {
        if (direction != 0 && step != direction) {
          throw new UnmodelledException("streamstats time_window over rows that are not in time order");
        }
        direction = step;
      }
    }
  }
}
