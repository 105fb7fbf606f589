package dev.detectc.target;

import dev.detectc.source.DiagnosticCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the SPL target's small templates: expression leaves, the Boolean operators of either
 * language (every compound operand grouped, so neither language's precedence matters) and
 * pipeline commands. Values arrive escaped; this class only chooses templates.
 */
final class SplTemplates {

  private final Target target;
  private final SplSpec spl;

  SplTemplates(Target target) {
    this.target = target;
    this.spl = SplSpec.of(target);
  }

  Target target() {
    return target;
  }

  SplSpec spec() {
    return spl;
  }

  /** A leaf from {@code expressions:}; a construct without a template is refused as unsupported. */
  String leaf(String construct, String what, Map<String, Object> model) {
    String template = target.spec().expressions().get(construct);
    if (template == null) {
      throw refuse(what + " is not supported by this target");
    }
    return target.templates().renderInline(construct, template, model);
  }

  /** Joins operands with {@code and} or {@code or} in the search ({@code eval} false) or eval language. */
  SplText join(String operator, List<SplText> operands, boolean eval) {
    if (operands.size() == 1) {
      return operands.get(0);
    }
    List<String> texts = operands.stream().map(operand -> operand(operand, eval)).toList();
    Map<String, String> tokens = eval ? spl.evalBoolean() : target.spec().booleans();
    String text = target.templates().renderInline((eval ? "eval_" : "search_") + operator, tokens.get(operator),
        Map.of("terms", target.templates().markup(texts)));
    return SplText.compound(text);
  }

  SplText not(SplText operand, boolean eval) {
    Map<String, String> tokens = eval ? spl.evalBoolean() : target.spec().booleans();
    String text = target.templates().renderInline((eval ? "eval_" : "search_") + "not", tokens.get("not"),
        Map.of("operand", target.templates().markup(operand(operand, eval))));
    return SplText.compound(text);
  }

  private String operand(SplText operand, boolean eval) {
    if (!operand.compound()) {
      return operand.text();
    }
    Map<String, String> tokens = eval ? spl.evalBoolean() : target.spec().booleans();
    return target.templates().renderInline((eval ? "eval_" : "search_") + "group", tokens.get("group"),
        Map.of("expr", target.templates().markup(operand.text())));
  }

  /** One {@code field=expression} of an eval command; both are query text already. */
  Map<String, Object> assignment(String field, String expression) {
    Map<String, Object> assignment = new java.util.LinkedHashMap<>();
    assignment.put("field", target.templates().markup(field));
    assignment.put("expr", target.templates().markup(expression));
    return assignment;
  }

  /** A pipeline command from {@code commands:}. */
  String command(String name, Map<String, Object> model) {
    return target.templates().renderInline("command_" + name, spl.command(name), model);
  }

  /**
   * A template model: strings and lists of strings are already-escaped query text (inserted as
   * markup), Booleans and lists of maps (whose values are markup) pass unchanged.
   */
  Map<String, Object> model(Object... keysAndValues) {
    Map<String, Object> model = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      model.put((String) keysAndValues[i], markup(keysAndValues[i + 1]));
    }
    return model;
  }

  private Object markup(Object value) {
    if (value instanceof String) {
      return target.templates().markup((String) value);
    }
    if (value instanceof List && !((List<?>) value).isEmpty() && ((List<?>) value).get(0) instanceof String) {
      return target.templates().markup(((List<?>) value).stream().map(String::valueOf).toList());
    }
    return value;
  }

  RefusalException refuse(String what) {
    return new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, target.name() + ": " + what);
  }
}
