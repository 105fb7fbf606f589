package dev.detectc.ir;

import dev.detectc.rule.CorrelationRule;
import dev.detectc.rule.RuleInfo;
import java.util.List;
import java.util.Objects;

/** A correlation rule with its {@code rules:} references resolved to the lowered documents, in order. */
public record IrCorrelation(CorrelationRule correlation, List<IrDocument> rules, boolean emitted) implements IrDocument {

  public IrCorrelation {
    Objects.requireNonNull(correlation, "correlation");
    rules = List.copyOf(rules);
  }

  @Override
  public RuleInfo info() {
    return correlation.info();
  }

  /** The name a referenced document is known by in aliases: its Sigma name, else its id. */
  public static String referenceName(IrDocument document) {
    String name = document.info().nameValue();
    return name != null ? name : document.info().idValue();
  }

  public IrCorrelation withEmitted(boolean value) {
    return new IrCorrelation(correlation, rules, value);
  }
}
