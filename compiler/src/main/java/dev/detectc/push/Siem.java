package dev.detectc.push;

/** A SIEM detectc can push rules to, with the environment variable that holds its credential. */
public enum Siem {
  KIBANA("Kibana", "DETECTC_ELASTIC_API_KEY"),
  SPLUNK("Splunk", "DETECTC_SPLUNK_TOKEN"),
  SENTINEL("Sentinel", "DETECTC_AZURE_TOKEN");

  private final String displayName;
  private final String credentialVariable;

  Siem(String displayName, String credentialVariable) {
    this.displayName = displayName;
    this.credentialVariable = credentialVariable;
  }

  public String displayName() {
    return displayName;
  }

  /** The environment variable (or credentials-file key) holding this SIEM's secret. */
  public String credentialVariable() {
    return credentialVariable;
  }
}
