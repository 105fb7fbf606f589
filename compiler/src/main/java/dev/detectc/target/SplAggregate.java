package dev.detectc.target;

import dev.detectc.rule.CorrelationRule;
import java.math.BigDecimal;
import java.util.List;

/**
 * The stats function of a count or value correlation over its member rows ({@code count},
 * {@code dc}, {@code sum}, {@code avg}, {@code exactperc<p>}), for streamstats and stats alike.
 */
final class SplAggregate {

  private SplAggregate() {}

  static String function(SplCorrelationCompiler correlation, CorrelationRule rule, SplNodeFields fields, String suffix) {
    SplTemplates templates = correlation.templates();
    switch (rule.type()) {
      case EVENT_COUNT:
        return fields.memberTest() == null ? "count"
            : "count(" + fields.assign("sigma_member" + suffix, "if(" + fields.memberTest() + ", 1, null())") + ")";
      case VALUE_COUNT:
        return "dc(" + fields.value() + ")";
      case VALUE_SUM:
        return "sum(" + single(templates, rule, fields) + ")";
      case VALUE_AVG:
        return "avg(" + single(templates, rule, fields) + ")";
      case VALUE_PERCENTILE:
        correlation.warnings().add(new Refusal(dev.detectc.source.DiagnosticCode.APPROXIMATE_WINDOW, templates.target().name()
            + ": " + rule.info().title() + ": " + templates.target().spec().approximations().get("percentile")));
        return "exactperc" + percentile(templates, rule) + "(" + single(templates, rule, fields) + ")";
      default:
        throw new IllegalArgumentException("not an aggregating correlation: " + rule.type().id());
    }
  }

  /** The condition on the aggregate {@code name}: present, and every threshold met. */
  static String condition(SplCorrelationCompiler correlation, CorrelationRule rule, String name) {
    List<SplText> tests = new java.util.ArrayList<>();
    tests.add(SplText.atom("isnotnull(" + name + ")"));
    rule.thresholds().forEach(threshold -> tests.add(SplText.atom(correlation.threshold(name, threshold))));
    return correlation.templates().join("and", tests, true).text();
  }

  private static String single(SplTemplates templates, CorrelationRule rule, SplNodeFields fields) {
    if (rule.fields().size() != 1) {
      throw templates.refuse(rule.type().id() + " aggregates one numeric field; this rule names " + rule.fields().size());
    }
    return fields.value();
  }

  /** exactperc takes a whole percentile from 1 to 99. */
  private static String percentile(SplTemplates templates, CorrelationRule rule) {
    BigDecimal percentile = rule.percentile() == null ? BigDecimal.valueOf(50) : rule.percentile().stripTrailingZeros();
    if (percentile.scale() > 0 || percentile.compareTo(BigDecimal.ONE) < 0 || percentile.compareTo(BigDecimal.valueOf(99)) > 0) {
      throw templates.refuse("value_percentile " + percentile.toPlainString() + ": Splunk's exactperc takes a whole"
          + " percentile from 1 to 99");
    }
    return percentile.toBigInteger().toString();
  }
}
