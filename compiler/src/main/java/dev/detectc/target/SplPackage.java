package dev.detectc.target;

import dev.detectc.rule.RuleInfo;
import dev.detectc.source.Located;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compiled SPL rules as savedsearches.conf stanzas: the search, a schedule, the dispatch window,
 * the trigger ({@code number of events greater than 0}), one alert per result, and the rule's
 * Sigma metadata as {@code action.detectc.*} keys of an action that does not run. A correlation
 * looks back its timespan further so windows that straddle two runs are seen whole, reports only
 * rows in its own run's interval (each row once), and suppresses repeats per group for one
 * timespan, as the Sigma evaluator fires once per burst.
 */
public final class SplPackage {

  /** The key under which a correlation's result carries its group-by fields. */
  public static final String GROUPS = "splunk.groups";

  private SplPackage() {}

  /** The whole savedsearches.conf for the compiled rules that succeeded. */
  public static String savedSearches(Target target, List<CompiledRule> rules, String header) {
    SplSpec spl = SplSpec.of(target);
    List<SavedSearchStanza> stanzas = rules.stream().filter(CompiledRule::ok).map(rule -> stanza(spl, rule)).toList();
    return SavedSearchesWriter.write(header, stanzas);
  }

  /**
   * The stanza {@link #savedSearches} writes for one compiled rule (which must have compiled), for
   * callers that ship it another way, such as {@code push} over Splunk's REST API.
   */
  public static SavedSearchStanza stanza(Target target, CompiledRule rule) {
    return stanza(SplSpec.of(target), rule);
  }

  static SavedSearchStanza stanza(SplSpec spl, CompiledRule rule) {
    RuleInfo info = rule.info();
    CompileResult result = rule.result().orElseThrow();
    Map<String, Object> defaults = spl.savedSearches();
    long schedule = number(defaults, "schedule_minutes");
    long lag = number(defaults, "latest_offset_minutes");
    Duration window = result.window();
    long lookback = schedule + lag + (window.isZero() ? 0 : (window.toSeconds() + 59) / 60);
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("description", description(info));
    String search = result.query().orElseThrow();
    if (!window.isZero()) {
      // Rows from the part of the dispatch window that only serves as look-back belong to the previous run.
      search = search + "\n| where _time>=relative_time(now(), \"-" + (schedule + lag) + "m@m\")";
    }
    settings.put("search", search);
    settings.put("enableSched", "1");
    settings.put("cron_schedule", String.valueOf(defaults.get("cron_schedule")));
    settings.put("dispatch.earliest_time", "-" + lookback + "m@m");
    settings.put("dispatch.latest_time", "-" + lag + "m@m");
    settings.put("counttype", "number of events");
    settings.put("relation", "greater than");
    settings.put("quantity", "0");
    settings.put("alert.track", "1");
    settings.put("alert.digest_mode", "0");
    settings.put("alert.severity", severity(defaults, info.level()));
    String groups = result.entities().getOrDefault(GROUPS, Map.of()).getOrDefault("fields", "");
    if (!window.isZero()) {
      settings.put("alert.suppress", "1");
      if (!groups.isEmpty()) {
        settings.put("alert.suppress.fields", groups);
      }
      // One alert per group and burst: the outermost correlation's own timespan (the window also covers referenced ones).
      Duration timespan = ((dev.detectc.ir.IrCorrelation) result.document()).correlation().timespan();
      settings.put("alert.suppress.period", timespan.toSeconds() + "s");
    }
    metadata(settings, rule);
    return new SavedSearchStanza(defaults.get("stanza_prefix") + info.title(), settings);
  }

  private static void metadata(Map<String, String> settings, CompiledRule rule) {
    RuleInfo info = rule.info();
    settings.put("action.detectc", "0");
    put(settings, "action.detectc.sigma_id", info.idValue());
    put(settings, "action.detectc.sigma_name", info.nameValue());
    put(settings, "action.detectc.level", info.level());
    put(settings, "action.detectc.status", info.status());
    put(settings, "action.detectc.author", info.author());
    put(settings, "action.detectc.tags", info.tags().stream().map(Located::value).collect(Collectors.joining(",")));
    put(settings, "action.detectc.references", String.join(" ", info.references()));
    put(settings, "action.detectc.falsepositives", String.join("\n", info.falsepositives()));
    put(settings, "action.detectc.file", rule.file());
  }

  private static void put(Map<String, String> settings, String key, String value) {
    if (value != null && !value.isBlank()) {
      settings.put(key, value);
    }
  }

  private static String description(RuleInfo info) {
    String text = info.description() == null ? info.title() : info.description().strip();
    return text == null || text.isEmpty() ? "Sigma rule" : text;
  }

  private static String severity(Map<String, Object> defaults, String level) {
    Object map = defaults.get("severity");
    Object value = map instanceof Map && level != null ? ((Map<?, ?>) map).get(level) : null;
    return value == null ? "3" : String.valueOf(value);
  }

  private static long number(Map<String, Object> defaults, String key) {
    Object value = defaults.get(key);
    if (!(value instanceof Number)) {
      throw new IllegalStateException("spl target.yaml: savedsearches." + key + " must be a number");
    }
    return ((Number) value).longValue();
  }
}
