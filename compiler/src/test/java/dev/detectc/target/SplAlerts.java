package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrRule;
import dev.detectc.testing.spl.Row;
import dev.detectc.testing.spl.SplInterpreter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts a compiled SPL rule raises over fixture events, as its saved search would: each
 * result row of a detection rule is an alert (digest mode off); a correlation's rows are
 * suppressed per group for one timespan after each alert ({@code alert.suppress} with the
 * group-by fields), applied on event time as if the search ran continuously.
 */
final class SplAlerts {

  /** One alert: the event it points at (a detection rule) or the row where the condition held. */
  record Alert(String file, long line, List<String> group, BigDecimal time) {}

  private SplAlerts() {}

  static List<Alert> of(CompiledRule rule, List<Row> events) {
    CompileResult result = rule.result().orElseThrow();
    List<Row> rows = SplInterpreter.run(result.query().orElseThrow(), events);
    List<Alert> alerts = new ArrayList<>();
    if (result.document() instanceof IrRule) {
      rows.forEach(row -> alerts.add(new Alert(row.file(), row.line(), List.of(), row.time())));
      return alerts;
    }
    String fields = result.entities().getOrDefault(SplPackage.GROUPS, Map.of()).getOrDefault("fields", "");
    List<String> groups = fields.isEmpty() ? List.of() : Arrays.asList(fields.split(","));
    BigDecimal period = BigDecimal.valueOf(((IrCorrelation) result.document()).correlation().timespan().toSeconds());
    Map<List<String>, BigDecimal> last = new HashMap<>();
    List<Row> ordered = new ArrayList<>(rows);
    ordered.sort(Comparator.comparing(Row::time));
    for (Row row : ordered) {
      List<String> key = groups.stream().map(row::text).toList();
      BigDecimal previous = last.get(key);
      if (previous == null || row.time().subtract(previous).compareTo(period) > 0) {
        last.put(key, row.time());
        alerts.add(new Alert(row.file(), row.line(), key, row.time()));
      }
    }
    return alerts;
  }
}
