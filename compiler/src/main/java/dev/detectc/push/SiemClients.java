package dev.detectc.push;

import java.net.URI;

/** Creates the client for a SIEM from its checked endpoint, secret and transport. */
public final class SiemClients {

  private SiemClients() {}

  public static SiemClient create(Siem siem, URI endpoint, String secret, String sentinelApiVersion,
      Transport transport) {
    switch (siem) {
      case KIBANA:
        return new KibanaClient(endpoint, secret, transport);
      case SPLUNK:
        return new SplunkClient(endpoint, secret, transport);
      default:
        return new SentinelClient(endpoint, sentinelApiVersion, secret, transport);
    }
  }
}
