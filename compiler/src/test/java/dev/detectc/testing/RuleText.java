package dev.detectc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.detectc.ir.IrRule;
import dev.detectc.ir.RuleSet;
import dev.detectc.ir.RuleSetBuilder;
import dev.detectc.rule.Environment;
import dev.detectc.rule.RuleLoader;
import dev.detectc.source.Diagnostic;
import java.util.List;

/** Rules written inline in tests, loaded and lowered as the CLI would. */
public final class RuleText {

  private RuleText() {}

  public static RuleSet load(String yaml, Environment environment) {
    return new RuleSetBuilder(environment).build(List.of(new RuleLoader().load("inline.yml", yaml)));
  }

  /** A rule set that must lower without errors. */
  public static RuleSet clean(String yaml) {
    RuleSet rules = load(yaml, Environment.UNBOUND);
    assertThat(rules.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::headline)).isEmpty();
    return rules;
  }

  /** The one detection rule of a document whose detection block is {@code detection} (indented by two). */
  public static IrRule detection(String detection) {
    String yaml = "title: inline\nlogsource: {product: test}\ndetection:\n" + detection.stripTrailing().indent(2);
    return (IrRule) clean(yaml).documents().get(0).ir().orElseThrow();
  }
}
