package dev.detectc.ir;

import dev.detectc.rule.RuleInfo;

/** A lowered, usable document: a detection rule or a correlation over other documents. */
public sealed interface IrDocument permits IrRule, IrCorrelation {

  RuleInfo info();

  /**
   * False for rules only used through a correlation whose {@code generate} is false: such
   * rules feed the correlation but produce no query or alert of their own.
   */
  boolean emitted();
}
