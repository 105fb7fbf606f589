package dev.detectc.target;

import dev.detectc.ir.IrCorrelation;
import dev.detectc.ir.IrDocument;
import dev.detectc.ir.IrRule;
import dev.detectc.rule.CorrelationRule;
import dev.detectc.target.elastic.AttackMapping;
import dev.detectc.target.elastic.KibanaNdjson;
import dev.detectc.target.elastic.KibanaRule;
import java.util.List;

/**
 * Kibana detection-engine rules ({@code --format kibana-ndjson}) from compiled rules: a Lucene
 * query rule, an EQL rule or an ES|QL rule by target, searching the profile's index patterns for
 * the rule's log source; a correlation packaged as a threshold rule carries its own query and
 * threshold (see {@link ElasticCorrelations}).
 */
public final class KibanaPackage {

  private static final KibanaNdjson WRITER = new KibanaNdjson(AttackMapping.load());

  private KibanaPackage() {}

  /** True for the targets Kibana's detection engine runs. */
  public static boolean supports(Target target) {
    return type(target) != null;
  }

  /** The NDJSON line for one compiled rule (which must have compiled). */
  public static String line(CompiledRule rule, Target target, Profile profile) {
    CompileResult result = rule.result().orElseThrow();
    String query = result.query().orElseThrow();
    List<String> index = target.openMapping(profile).indices(logsource(result.document()));
    KibanaRule kibana;
    if (result.document() instanceof IrCorrelation) {
      CorrelationRule correlation = ((IrCorrelation) result.document()).correlation();
      // Each run looks back one timespan: fixed windows, as the compile warning says.
      String window = minutes(correlation.timespan());
      KibanaRule.Threshold threshold = type(target) == KibanaRule.Type.QUERY
          ? threshold(target, profile, (IrCorrelation) result.document())
          : null;
      kibana = new KibanaRule(threshold == null ? type(target) : KibanaRule.Type.THRESHOLD, query, index, threshold,
          window, "now-" + window);
    } else {
      kibana = new KibanaRule(type(target), query, index, null, null, null);
    }
    return WRITER.line(rule.info(), kibana);
  }

  /**
   * The Kibana threshold of a correlation the lucene target compiles (event_count, value_count),
   * with {@code profile}'s field names; a {@link RefusalException} when it has none.
   */
  public static KibanaRule.Threshold threshold(Target target, Profile profile, IrCorrelation correlation) {
    return ElasticCorrelations.kibanaThreshold(target, profile, correlation);
  }

  /** A Kibana schedule duration ({@code 5m}, {@code 1h}, {@code 90s}). */
  static String minutes(java.time.Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  private static KibanaRule.Type type(Target target) {
    switch (target.name()) {
      case "lucene":
        return KibanaRule.Type.QUERY;
      case "eql":
        return KibanaRule.Type.EQL;
      case "esql":
        return KibanaRule.Type.ESQL;
      default:
        return null;
    }
  }

  /** The log source a document's events come from: its own, or its first referenced rule's. */
  static dev.detectc.rule.LogSource logsource(IrDocument document) {
    IrDocument current = document;
    while (current instanceof IrCorrelation) {
      List<IrDocument> rules = ((IrCorrelation) current).rules();
      current = rules.get(0);
    }
    return ((IrRule) current).logsource();
  }
}
