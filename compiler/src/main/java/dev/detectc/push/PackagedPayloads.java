package dev.detectc.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.detectc.ir.IrDocument;
import dev.detectc.source.Diagnostics;
import dev.detectc.target.CompileResult;
import dev.detectc.target.CompiledRule;
import dev.detectc.target.KibanaPackage;
import dev.detectc.target.Profile;
import dev.detectc.target.RuleCompiler;
import dev.detectc.target.SentinelPackage;
import dev.detectc.target.SplPackage;
import dev.detectc.target.Target;
import java.util.Objects;
import java.util.List;
import java.util.Optional;

/**
 * Rule bodies from a target's own packaging writer, so push ships exactly what
 * {@code compile --format ...} writes: the rule is compiled for the target and profile, a
 * refusal becomes the rule's error (with the target's warnings beside it), and the packaged
 * object becomes the desired state.
 */
public final class PackagedPayloads implements PushPayloads {

  /** One SIEM's packaging of a compiled rule. */
  interface Packaging {
    DesiredRule desiredState(CompiledRule rule);
  }

  private final Siem siem;
  private final RuleCompiler compiler;
  private final Packaging packaging;

  private PackagedPayloads(Siem siem, RuleCompiler compiler, Packaging packaging) {
    this.siem = Objects.requireNonNull(siem, "siem");
    this.compiler = Objects.requireNonNull(compiler, "compiler");
    this.packaging = Objects.requireNonNull(packaging, "packaging");
  }

  /** Kibana detection-engine rules, as {@code --format kibana-ndjson} writes them (lucene, eql, esql). */
  public static PackagedPayloads kibana(Target target, Profile profile) {
    if (!KibanaPackage.supports(target)) {
      throw new IllegalArgumentException("target " + target.name() + " has no Kibana rule packaging");
    }
    return new PackagedPayloads(Siem.KIBANA, new RuleCompiler(target, profile), rule -> {
      ObjectNode body = parse(KibanaPackage.line(rule, target, profile));
      return new DesiredRule(rule.info().idValue(), title(rule), rule.file(), body.path("rule_id").asText(), body);
    });
  }

  /**
   * Sentinel scheduled alert rules, as {@code --format sentinel-arm} writes them (kql), keyed by
   * the rule's alert-rule id.
   */
  public static PackagedPayloads sentinel(Target target, Profile profile) {
    if (!target.name().equals("kql")) {
      throw new IllegalArgumentException("target " + target.name() + " has no Sentinel alert-rule packaging");
    }
    return new PackagedPayloads(Siem.SENTINEL, new RuleCompiler(target, profile), rule ->
        new DesiredRule(rule.info().idValue(), title(rule), rule.file(), SentinelPackage.ruleId(rule),
            SentinelPackage.alertRule(rule)));
  }

  /**
   * Splunk saved searches, as {@code --format savedsearches} writes them (spl): the rule's stanza
   * as form fields under their REST names ({@link SavedSearchForm}), keyed by the stanza name.
   */
  public static PackagedPayloads splunk(Target target, Profile profile) {
    if (!target.name().equals("spl")) {
      throw new IllegalArgumentException("target " + target.name() + " has no saved-search packaging");
    }
    return new PackagedPayloads(Siem.SPLUNK, new RuleCompiler(target, profile), rule -> {
      ObjectNode body = SavedSearchForm.body(SplPackage.stanza(target, rule));
      return new DesiredRule(rule.info().idValue(), title(rule), rule.file(), body.path("name").asText(), body);
    });
  }

  @Override
  public Siem siem() {
    return siem;
  }

  @Override
  public Optional<DesiredRule> desiredState(IrDocument document, Diagnostics diagnostics) {
    CompileResult result = compiler.compile(document);
    CompiledRule rule = new CompiledRule(diagnostics.file(), document.info(), Optional.of(result), result.refusal(),
        result.warnings(), List.of());
    rule.diagnostics().forEach(diagnostics::add);
    return rule.ok() ? Optional.of(packaging.desiredState(rule)) : Optional.empty();
  }

  private static String title(CompiledRule rule) {
    return Objects.toString(rule.info().title(), "-");
  }

  private static ObjectNode parse(String json) {
    try {
      JsonNode node = SiemRequests.JSON.readTree(json);
      return (ObjectNode) node;
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("a packaging writer produced something other than a JSON object", e);
    }
  }
}
