package dev.detectc.target;

import dev.detectc.rule.ComparisonOp;
import dev.detectc.rule.CorrelationRule;
import java.util.stream.Collectors;

/** How an SPL correlation windows time: sliding (streamstats) or clock-aligned buckets, and the words for it. */
final class SplWindows {

  private SplWindows() {}

  /**
   * Sliding when the condition can only become true as events arrive (gt, gte) and for the
   * temporal types, as in the Sigma evaluator; other conditions are only known once a window is
   * complete, which SPL can only approximate with buckets.
   */
  static boolean sliding(CorrelationRule rule) {
    return rule.type().isTemporal() || rule.thresholds().stream()
        .allMatch(threshold -> threshold.op() == ComparisonOp.GT || threshold.op() == ComparisonOp.GTE);
  }

  static String describe(CorrelationRule rule) {
    return rule.thresholds().stream().map(threshold -> threshold.op().id() + " " + threshold.value().toPlainString())
        .collect(Collectors.joining(", "));
  }

  static String bucketWarning(SplTemplates templates, CorrelationRule rule) {
    return templates.target().name() + ": " + rule.info().title() + ": " + templates.target().spec().approximations().get("bucketed")
        .replace("{type}", rule.type().id()).replace("{condition}", describe(rule))
        .replace("{timespan}", templates.target().escaper().duration(rule.timespan()));
  }

  /** The timespan in whole seconds; a fraction of a second is refused (Splunk spans are whole). */
  static long seconds(SplTemplates templates, CorrelationRule rule) {
    if (rule.timespan().toNanos() % 1_000_000_000L != 0 || rule.timespan().isZero()) {
      throw templates.refuse("a timespan of " + rule.timespanText() + " is not a whole number of seconds");
    }
    return rule.timespan().toSeconds();
  }
}
