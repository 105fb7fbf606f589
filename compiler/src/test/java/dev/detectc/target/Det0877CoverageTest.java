package dev.detectc.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.detectc.testing.CliRun;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 7: {@code detectc compile rules/det0877 --target T --profile P} for Splunk and the
 * Elastic languages (KQL has Det0877KqlCoverageTest, which also runs the Kusto checker). Each
 * row names the rules a target cannot express; every other rule of the pack must compile, and
 * every refusal must be the typed unsupported-feature one, never a missing mapping or a crash.
 */
class Det0877CoverageTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Value counting and chains: EQL's only correlation is the ordered sequence. */
  private static final String EQL_CANNOT = "dns_nxdomain_enumeration dns_subdomain_enumeration"
      + " dns_zone_transfer_and_subdomain_enumeration win_dns_server_refused_transfer_and_subdomain_enumeration"
      + " zeek_dns_nxdomain_enumeration zeek_dns_subdomain_enumeration zeek_dns_zone_transfer_and_subdomain_enumeration";

  /** Temporal correlations over value_count correlations: a threshold rule cannot chain. */
  private static final String CHAINS = "dns_zone_transfer_and_subdomain_enumeration"
      + " win_dns_server_refused_transfer_and_subdomain_enumeration zeek_dns_zone_transfer_and_subdomain_enumeration";

  /**
   * The Query DSL writes chains as one search body (DslChain), but a terms aggregation groups by
   * one field, and this chain's aliases name the source param1 in one log and source.ip in the other.
   */
  private static final String ALIASED_CHAIN = "win_dns_server_refused_transfer_and_subdomain_enumeration";

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({"spl, raw, ''", "spl, cim, ''", "esql, ecs, ''", "eql, ecs, " + EQL_CANNOT, "lucene, ecs, " + CHAINS,
      "dsl, ecs, " + ALIASED_CHAIN})
  void everyRuleTheLanguageCanExpressCompiles(String target, String profile, String refused) throws Exception {
    CliRun run = CliRun.of("compile", "--target", target, "--profile", profile, "--format", "jsonl",
        "--env", "rules/det0877/environment.example.yml", "rules/det0877");
    Map<String, String> errors = new TreeMap<>();
    Set<String> compiled = new TreeSet<>();
    for (String line : run.out().split("\n")) {
      JsonNode rule = JSON.readTree(line);
      String name = rule.get("name").asText();
      if (rule.hasNonNull("error")) {
        errors.put(name, rule.get("error").get("code").asText());
      } else {
        assertThat(rule.get("query").asText()).as(name).isNotBlank();
        compiled.add(name);
      }
    }
    Set<String> expectedRefusals = refused.isBlank() ? Set.of() : new TreeSet<>(Set.of(refused.trim().split(" ")));
    assertThat(errors.keySet()).as("rules refused by " + target + "/" + profile).isEqualTo(expectedRefusals);
    assertThat(errors.values()).as("refusal codes").allMatch("unsupported-feature"::equals);
    assertThat(compiled.size() + errors.size()).as("rules in the pack").isEqualTo(20);
    assertThat(run.exitCode()).isEqualTo(expectedRefusals.isEmpty() ? 0 : 2);
  }
}
