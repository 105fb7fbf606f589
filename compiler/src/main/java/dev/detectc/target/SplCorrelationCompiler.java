package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import dev.detectc.ir.IrRule;
import dev.detectc.rule.ComparisonOp;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.source.DiagnosticCode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles a correlation (and any correlations it references) into one SPL pipeline. The
 * events of every detection rule in the tree form one stream ({@code multisearch}, each row
 * tagged with its rule in {@code sigma_rule}); sorted by time, each correlation is a
 * {@code streamstats time_window} over the rows of its members, a true sliding window that
 * holds at a member's row when the events of the last timespan meet the condition. A referenced
 * correlation marks the rows where it held ({@code sigma_fired<n>}), which are its events for the
 * correlation above. Conditions only known once a window is complete ({@code lt}, {@code eq}...)
 * use clock-aligned buckets instead, with a warning.
 */
final class SplCorrelationCompiler {

  private final SplCompiler compiler;
  private final SplTemplates templates;
  private final Map<IrRule, SplCompiler.Source> leaves = new IdentityHashMap<>();
  private final List<IrRule> order = new ArrayList<>();
  private final List<String> tags = new ArrayList<>();
  private final List<Refusal> warnings = new ArrayList<>();

  SplCorrelationCompiler(SplCompiler compiler) {
    this.compiler = compiler;
    this.templates = compiler.templates();
  }

  CompileResult compile(IrCorrelation root) {
    collect(root);
    boolean tagged = leaves.size() > 1 || root.rules().stream().anyMatch(member -> member instanceof IrCorrelation);
    SplPipeline pipeline = new SplPipeline(templates, tagged);
    String stream = stream(tagged);
    if (!SplWindows.sliding(root.correlation())) {
      if (tagged && root.rules().stream().anyMatch(member -> member instanceof IrCorrelation)) {
        throw templates.refuse(root.correlation().type().id() + " with a condition known only once its window closes ("
            + SplWindows.describe(root.correlation()) + ") cannot count another correlation's results in SPL");
      }
      new SplBuckets(this, pipeline).add(root);
      warnings.add(new Refusal(DiagnosticCode.APPROXIMATE_WINDOW, SplWindows.bucketWarning(templates, root.correlation())));
    } else {
      pipeline.add(templates.command("sort_time", Map.of()));
      new SplSlidingNode(this, pipeline, true).add(root);
    }
    String query = stream + "\n" + String.join("\n", pipeline.lines());
    // Packaging reads the result rows' group fields here (alert.suppress.fields); SPL has no entity mappings.
    Map<String, Map<String, String>> groups = Map.of(SplPackage.GROUPS, Map.of("fields", String.join(",", pipeline.groups())));
    return new CompileResult(root, Optional.of(query), Optional.empty(), warnings, groups, List.of(), lookback(root));
  }

  /** How far back the events of a window can lie: its timespan plus the longest of the correlations it references. */
  private static java.time.Duration lookback(IrCorrelation correlation) {
    java.time.Duration inner = java.time.Duration.ZERO;
    for (IrDocument member : correlation.rules()) {
      if (member instanceof IrCorrelation) {
        java.time.Duration candidate = lookback((IrCorrelation) member);
        inner = candidate.compareTo(inner) > 0 ? candidate : inner;
      }
    }
    return correlation.correlation().timespan().plus(inner);
  }

  /** Every detection rule of the tree, with its source, in order of first reference. */
  private void collect(IrCorrelation correlation) {
    for (IrDocument member : correlation.rules()) {
      if (member instanceof IrCorrelation) {
        collect((IrCorrelation) member);
      } else if (!leaves.containsKey(member)) {
        leaves.put((IrRule) member, compiler.source((IrRule) member));
        order.add((IrRule) member);
        tags.add(tag((IrRule) member, order.size() - 1));
      }
    }
  }

  /** The rows: one rule's search, or a multisearch of every rule, each row tagged with its rule. */
  private String stream(boolean tagged) {
    if (!tagged) {
      SplCompiler.Source source = leaves.get(order.get(0));
      List<String> lines = new ArrayList<>();
      lines.add(source.searchText());
      source.where().ifPresent(where -> lines.add(templates.command("where", templates.model("condition", where.text()))));
      return String.join("\n", lines);
    }
    List<String> lines = new ArrayList<>();
    lines.add(templates.command("multisearch_start", Map.of()));
    for (int index = 0; index < order.size(); index++) {
      SplCompiler.Source source = leaves.get(order.get(index));
      List<String> commands = new ArrayList<>();
      source.where().ifPresent(where -> commands.add(templates.command("where", templates.model("condition", where.text()))));
      Map<String, Object> tag = new LinkedHashMap<>(Map.of("field", templates.target().templates().markup("sigma_rule"),
          "expr", templates.target().templates().markup(SplEscaper.evalString(tags.get(index)))));
      commands.add(templates.command("eval", templates.model("assignments", List.of(tag))));
      lines.add(templates.command("subsearch", templates.model("search", source.searchText(), "commands", commands)));
    }
    return String.join("\n", lines);
  }

  /** A rule's tag: its Sigma name (or id); rule{n} when that could not be written in a string. */
  private static String tag(IrRule rule, int index) {
    String name = IrCorrelation.referenceName(rule);
    return name != null && SplEscaper.searchSafe(name) ? name : "rule" + index;
  }

  /** The eval test that a row belongs to a detection rule: its tag. */
  String ruleTest(IrRule rule) {
    for (int index = 0; index < order.size(); index++) {
      if (order.get(index) == rule) {
        return "sigma_rule=" + SplEscaper.evalString(tags.get(index));
      }
    }
    throw new IllegalStateException("not a rule of this correlation: " + rule.info().title());
  }

  SplCompiler.Source source(IrRule rule) {
    return leaves.get(rule);
  }

  SplTemplates templates() {
    return templates;
  }

  List<Refusal> warnings() {
    return warnings;
  }

  /** A threshold as an eval comparison on {@code value}. */
  String threshold(String value, CorrelationRule.Threshold threshold) {
    String op = threshold.op() == ComparisonOp.NEQ ? "!=" : templates.target().spec().operators().get(threshold.op().id());
    return value + op + templates.target().escaper().number(threshold.value());
  }
}
