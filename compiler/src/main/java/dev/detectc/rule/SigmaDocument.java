package dev.detectc.rule;

/** One YAML document of a rule file: a detection rule, a correlation rule or a filter. */
public sealed interface SigmaDocument permits SigmaRule, CorrelationRule, FilterRule {

  RuleInfo info();

  <R> R accept(Visitor<R> visitor);

  /** Exhaustive handling of the document kinds (Java 17 has no pattern-matching switch). */
  interface Visitor<R> {
    R visitRule(SigmaRule rule);

    R visitCorrelation(CorrelationRule correlation);

    R visitFilter(FilterRule filter);
  }
}
