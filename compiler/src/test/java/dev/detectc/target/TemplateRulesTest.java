package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Templates may only interpolate, list and test booleans; anything else is refused when it loads. */
class TemplateRulesTest {

  @Test
  void plainInterpolationListsAndIfsPass() {
    assertThat(TemplateRules.violations("${field} in~ (<#list values as value>${value}<#sep>, </#list>)")).isEmpty();
    assertThat(TemplateRules.violations("<#if has_source>${source}<#else>${predicate}</#if><#include \"x.ftl\">")).isEmpty();
    assertThat(TemplateRules.violations("<#-- ${anything?upper_case} -->${s.rule}")).isEmpty();
  }

  @Test
  void logicBuiltInsDefaultsAndMacrosFail() {
    assertThat(TemplateRules.violations("${value?replace('a', 'b')}")).hasSize(1);
    assertThat(TemplateRules.violations("${value!\"x\"}")).hasSize(1);
    assertThat(TemplateRules.violations("<#assign x = 1>")).hasSize(1);
    assertThat(TemplateRules.violations("<#if a == b>x</#if>")).hasSize(1);
    assertThat(TemplateRules.violations("<@macro/>")).hasSize(1);
    assertThat(TemplateRules.violations("${\"x\"?new()}")).hasSize(1);
  }

  @Test
  void theEngineRefusesABadInlineTemplateAndEscapesRawStrings() {
    TemplateEngine engine = new TemplateEngine("kql", new KqlEscaper(Set.of()));
    assertThatThrownBy(() -> engine.renderInline("bad", "${value?js_string}", Map.of("value", "x")))
        .hasMessageContaining("breaks the template rules");
    // A raw string (not markup) that reaches a template is written as a literal, never as code.
    assertThat(engine.renderInline("eq", "${field} == ${value}",
        Map.of("field", engine.markup("A"), "value", "x\" or true //"))).isEqualTo("A == \"x\\\" or true //\"");
  }
}
