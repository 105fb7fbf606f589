package dev.detectc.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code --to} checks per SIEM. */
class EndpointTest {

  static final String WORKSPACE = "https://management.azure.com/subscriptions/6b1c/resourceGroups/soc-rg/providers/"
      + "Microsoft.OperationalInsights/workspaces/soc-ws";

  @Test
  void acceptsEachSiemsDocumentedAddressAndDropsTrailingSlashes() {
    assertThat(Endpoint.parse(Siem.KIBANA, "https://kibana.example:5601/", false))
        .hasToString("https://kibana.example:5601");
    assertThat(Endpoint.parse(Siem.KIBANA, "https://kibana.example/s/soc", false))
        .hasToString("https://kibana.example/s/soc");
    assertThat(Endpoint.parse(Siem.SPLUNK, "https://splunk.example:8089/servicesNS/nobody/SA-detectc//", false))
        .hasToString("https://splunk.example:8089/servicesNS/nobody/SA-detectc");
    assertThat(Endpoint.parse(Siem.SENTINEL, WORKSPACE, false)).hasToString(WORKSPACE);
    assertThat(Endpoint.parse(Siem.KIBANA, "http://127.0.0.1:5601", false)).hasToString("http://127.0.0.1:5601");
    assertThat(Endpoint.parse(Siem.KIBANA, "http://localhost:5601", false)).hasToString("http://localhost:5601");
    assertThat(Endpoint.parse(Siem.KIBANA, "http://[::1]:5601", false)).hasToString("http://[::1]:5601");
  }

  @Test
  void refusesCredentialsQueriesAndPlainHttpToOtherHosts() {
    assertThatThrownBy(() -> Endpoint.parse(Siem.KIBANA, "https://elastic:changeme@kibana.example", false))
        .hasMessageNotContaining("changeme").hasMessageContaining("must not contain user:password@");
    assertThatThrownBy(() -> Endpoint.parse(Siem.KIBANA, "https://kibana.example/?apikey=x", false))
        .hasMessageContaining("?query");
    assertThatThrownBy(() -> Endpoint.parse(Siem.KIBANA, "http://kibana.example", false))
        .hasMessageContaining("refusing to send a credential over plain http to kibana.example");
    assertThat(Endpoint.parse(Siem.KIBANA, "http://kibana.example", true)).hasToString("http://kibana.example");
    assertThatThrownBy(() -> Endpoint.parse(Siem.KIBANA, "ftp://kibana.example", false))
        .hasMessageContaining("https://");
    assertThatThrownBy(() -> Endpoint.parse(Siem.KIBANA, "kibana.example:5601", false))
        .hasMessageContaining("https://");
    assertThatThrownBy(() -> Endpoint.parse(Siem.KIBANA, "https://kibana example", false))
        .hasMessageContaining("not a URL");
  }

  @Test
  void refusesAddressesThatNameTheWrongThing() {
    assertThatThrownBy(() -> Endpoint.parse(Siem.KIBANA, "https://kibana.example/api/detection_engine/rules", false))
        .hasMessageContaining("without /api/");
    assertThatThrownBy(() -> Endpoint.parse(Siem.SPLUNK, "https://splunk.example:8089", false))
        .hasMessageContaining("servicesNS/<owner>/<app>");
    assertThatThrownBy(() -> Endpoint.parse(Siem.SPLUNK, "https://splunk.example:8089/servicesNS/nobody", false))
        .hasMessageContaining("servicesNS/<owner>/<app>");
    assertThatThrownBy(() -> Endpoint.parse(Siem.SENTINEL, "https://management.azure.com/subscriptions/x", false))
        .hasMessageContaining("workspaces/<name>");
    assertThatThrownBy(() -> Endpoint.parse(Siem.SENTINEL, WORKSPACE + "/providers/Microsoft.SecurityInsights/alertRules",
        false)).hasMessageContaining("workspaces/<name>");
  }
}
