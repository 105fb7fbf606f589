package dev.detectc.target;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enforces the template contract when a template loads: templates only interpolate model
 * values, list them and test booleans. No assignments, built-ins, defaults ({@code !},
 * {@code ??}), macros or expressions, so every decision and every escape stays in tested Java.
 */
final class TemplateRules {

  private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*";
  private static final Pattern COMMENT = Pattern.compile("<#--.*?-->", Pattern.DOTALL);
  private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern DIRECTIVE = Pattern.compile("</?#([^>]*)>");
  private static final List<Pattern> ALLOWED_DIRECTIVES = List.of(
      Pattern.compile("list " + NAME + " as [A-Za-z_][A-Za-z0-9_]*"),
      Pattern.compile("if " + NAME),
      Pattern.compile("include \"[A-Za-z0-9_.-]+\\.ftl\""),
      Pattern.compile("else"),
      Pattern.compile("sep"),
      Pattern.compile("list"),
      Pattern.compile("if"));

  private TemplateRules() {}

  /** The rule violations in {@code source}, one message each; empty when it is fine. */
  static List<String> violations(String source) {
    List<String> problems = new ArrayList<>();
    String text = COMMENT.matcher(source).replaceAll("");
    Matcher interpolation = INTERPOLATION.matcher(text);
    while (interpolation.find()) {
      if (!interpolation.group(1).matches(NAME)) {
        problems.add("'${" + interpolation.group(1) + "}' is not a plain model value");
      }
    }
    Matcher directive = DIRECTIVE.matcher(text);
    while (directive.find()) {
      String body = directive.group(1).trim();
      if (ALLOWED_DIRECTIVES.stream().noneMatch(allowed -> allowed.matcher(body).matches())) {
        problems.add("'" + directive.group() + "' is not an allowed directive (list, sep, if on a boolean, else, include)");
      }
    }
    for (String forbidden : List.of("<@", "#{", "[#", "[=", "</@")) {
      if (text.contains(forbidden)) {
        problems.add("'" + forbidden + "' (macro calls, legacy or square-bracket syntax) is not allowed");
      }
    }
    return problems;
  }
}
