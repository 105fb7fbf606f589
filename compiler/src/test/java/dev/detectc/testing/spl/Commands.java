package dev.detectc.testing.spl;

import dev.detectc.testing.spl.grammar.SplQueryParser;
import dev.detectc.testing.spl.grammar.SplQueryParser.CommandContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pipeline commands of the emitted subset, each as a function from rows to rows. */
final class Commands {

  private Commands() {}

  static boolean streaming(CommandContext command) {
    return command instanceof SplQueryParser.SearchCommandContext || command instanceof SplQueryParser.WhereCommandContext
        || command instanceof SplQueryParser.EvalCommandContext;
  }

  static List<Row> apply(CommandContext command, List<Row> rows) {
    if (command instanceof SplQueryParser.SearchCommandContext) {
      SplQueryParser.SearchExprContext search = ((SplQueryParser.SearchCommandContext) command).searchExpr();
      return rows.stream().filter(row -> SearchExpressions.matches(search, row)).toList();
    }
    if (command instanceof SplQueryParser.WhereCommandContext) {
      SplQueryParser.EvalExprContext where = ((SplQueryParser.WhereCommandContext) command).evalExpr();
      return rows.stream().filter(row -> EvalExpressions.holds(where, row)).toList();
    }
    if (command instanceof SplQueryParser.EvalCommandContext) {
      return eval((SplQueryParser.EvalCommandContext) command, rows);
    }
    if (command instanceof SplQueryParser.SortCommandContext) {
      return sort((SplQueryParser.SortCommandContext) command, rows);
    }
    if (command instanceof SplQueryParser.StreamstatsCommandContext) {
      return StreamStats.apply((SplQueryParser.StreamstatsCommandContext) command, rows);
    }
    if (command instanceof SplQueryParser.StatsCommandContext) {
      return stats((SplQueryParser.StatsCommandContext) command, rows);
    }
    if (command instanceof SplQueryParser.BinCommandContext) {
      return bin((SplQueryParser.BinCommandContext) command, rows);
    }
    throw new UnmodelledException("a command the interpreter does not run: " + command.getText());
  }

  private static List<Row> eval(SplQueryParser.EvalCommandContext command, List<Row> rows) {
    List<Row> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Row current = row;
      for (SplQueryParser.AssignmentContext assignment : command.assignment()) {
        Value value = EvalExpressions.evaluate(assignment.evalExpr(), current);
        if (value instanceof Value.Bool) {
          throw new UnmodelledException("eval cannot store a Boolean: " + assignment.getText());
        }
        current = current.with(assignment.fieldName().getText(), value);
      }
      out.add(current);
    }
    return out;
  }

  private static List<Row> sort(SplQueryParser.SortCommandContext command, List<Row> rows) {
    if (!command.limit.getText().equals("0")) {
      throw new UnmodelledException("sort with a limit drops rows: " + command.getText());
    }
    String field = command.sortKey().fieldName().getText();
    Comparator<Row> order = Comparator.comparing(row -> sortKey(row, field), Comparator.nullsFirst(Comparator.naturalOrder()));
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(command.sortKey().MINUS() != null ? order.reversed() : order);
    return sorted;
  }

  private static BigDecimal sortKey(Row row, String field) {
    Value value = row.get(field);
    BigDecimal number = value == null ? null : Value.number(value);
    if (value != null && number == null) {
      throw new UnmodelledException("sort on a non-numeric value of " + field);
    }
    return number;
  }

  static List<String> groupKey(Row row, List<String> byFields) {
    List<String> key = new ArrayList<>(byFields.size());
    for (String field : byFields) {
      Value value = row.get(field);
      if (value == null) {
        return null;
      }
      if (value instanceof Value.Multi) {
        throw new UnmodelledException("grouping by a multivalue field: " + field);
      }
      key.add(Value.text(value));
    }
    return key;
  }

  static List<String> byFields(SplQueryParser.ByClauseContext by) {
    return by == null ? List.of() : by.fieldName().stream().map(SplQueryParser.FieldNameContext::getText).toList();
  }

  private static List<Row> stats(SplQueryParser.StatsCommandContext command, List<Row> rows) {
    List<String> byFields = byFields(command.byClause());
    List<Aggregation> aggregations = command.aggregation().stream().map(Aggregation::of).toList();
    Map<List<String>, List<Row>> groups = new LinkedHashMap<>();
    for (Row row : rows) {
      List<String> key = groupKey(row, byFields);
      if (key != null) {
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      }
    }
    List<Row> out = new ArrayList<>();
    groups.forEach((key, members) -> {
      Map<String, Value> fields = new LinkedHashMap<>();
      for (int i = 0; i < byFields.size(); i++) {
        fields.put(byFields.get(i), members.get(0).get(byFields.get(i)));
      }
      for (Aggregation aggregation : aggregations) {
        Value value = aggregation.apply(members);
        if (value != null) {
          fields.put(aggregation.alias(), value);
        }
      }
      out.add(new Row(fields, null, 0));
    });
    // Splunk lists stats results ordered by the by-field values.
    out.sort(Comparator.comparing(row -> groupKey(row, byFields).toString()));
    return out;
  }

  private static List<Row> bin(SplQueryParser.BinCommandContext command, List<Row> rows) {
    SplQueryParser.OptionContext option = command.option();
    if (!option.key.getText().equals("span") || !command.fieldName().getText().equals("_time")) {
      throw new UnmodelledException("bin other than 'bin _time span=...': " + command.getText());
    }
    BigDecimal span = BigDecimal.valueOf(Durations.seconds(option.value.getText()));
    List<Row> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      BigDecimal bucket = row.time().divide(span, 0, RoundingMode.FLOOR).multiply(span);
      out.add(row.with("_time", new Value.Num(bucket)));
    }
    return out;
  }
}
