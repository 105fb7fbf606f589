package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.ir.RuleSet;
import dev.detectc.ir.RuleSetBuilder;
import dev.detectc.rule.Environment;
import dev.detectc.rule.LoadedFile;
import dev.detectc.rule.RuleLoader;
import dev.detectc.source.DiagnosticCode;
import dev.detectc.source.Diagnostics;
import dev.detectc.testing.KustoChecker;
import dev.detectc.testing.Shared;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: the DET0877 rule pack compiled to KQL with each Sentinel and Defender profile, as
 * {@code detectc compile rules/det0877 --target kql --profile P} does. Both Sentinel profiles
 * describe one workspace and compile every rule; Defender XDR advanced hunting has no Windows
 * event log, CloudTrail or Zeek tables and no DNS server view (its DNS rows are endpoint lookups
 * without a source address, record type or response code), so only the process-creation rules
 * compile there and the rest are refused for a missing mapping, never for anything else. Every
 * query emitted must pass Microsoft's Kusto parser and binder against the profile's database.
 */
class Det0877KqlCoverageTest {

  private static final Set<DiagnosticCode> MAPPING = Set.of(DiagnosticCode.UNMAPPED_LOGSOURCE, DiagnosticCode.UNMAPPED_FIELD);

  private static final Set<String> DEFENDER_COMPILES = Set.of(
      "proc_creation_dns_enumeration_tool", "proc_creation_dns_resolution_loop", "proc_creation_dns_zone_transfer_cmdline");

  @Test
  void everyRuleCompilesForSentinelAndEveryQueryPassesTheKustoChecker() throws IOException {
    Path root = Shared.root();
    Path envFile = root.resolve("rules/det0877/environment.example.yml");
    Environment environment = Environment.load(envFile, new Diagnostics(envFile.toString()));
    RuleLoader loader = new RuleLoader();
    List<LoadedFile> files = RuleLoader.collect(List.of(root.resolve("rules/det0877"))).stream().map(loader::load).toList();
    RuleSet rules = new RuleSetBuilder(environment).build(files);

    Target kql = Target.load("kql");
    List<KustoChecker.Request> requests = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Map<String, Set<String>> compiledByProfile = new TreeMap<>();
    List<String> wrongRefusals = new ArrayList<>();
    int rulesInPack = -1;
    for (String name : List.of("sentinel", "sentinel-dnsevents", "defender")) {
      Profile profile = kql.profile(name);
      List<CompiledRule> compiled = Compilation.run(rules, new RuleCompiler(kql, profile));
      rulesInPack = compiled.size();
      Set<String> ok = new TreeSet<>();
      for (CompiledRule rule : compiled) {
        String ruleName = Path.of(rule.file()).getFileName().toString().replaceFirst("\\.yml$", "");
        if (rule.ok()) {
          ok.add(ruleName);
          requests.add(new KustoChecker.Request(rule.query().orElseThrow(), profile.database(), "check"));
          names.add(name + " " + ruleName);
        } else if (!MAPPING.contains(rule.error().get().code())) {
          wrongRefusals.add(name + " " + ruleName + ": " + rule.error().get());
        }
      }
      compiledByProfile.put(name, ok);
    }
    assertThat(rulesInPack).isEqualTo(20);
    assertThat(wrongRefusals).as("refusals other than a missing mapping").isEmpty();
    assertThat(compiledByProfile.get("sentinel")).as("rules compiled with profile sentinel").hasSize(rulesInPack);
    assertThat(compiledByProfile.get("sentinel-dnsevents")).as("rules compiled with profile sentinel-dnsevents").hasSize(rulesInPack);
    assertThat(compiledByProfile.get("defender")).as("rules compiled with profile defender").isEqualTo(DEFENDER_COMPILES);

    List<JsonNode> results = KustoChecker.checkInParallel(requests, 1);
    List<String> rejected = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (!results.get(i).get("ok").asBoolean()) {
        rejected.add(names.get(i) + ": " + results.get(i).get("errors"));
      }
    }
    assertThat(rejected).as("queries the Kusto parser rejects").isEmpty();
  }
}
