package dev.detectc.push;

import java.net.ProxySelector;
import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the HTTP client: HTTP/1.1, no redirects (a redirect would carry the credential to
 * another address), the policy's connect timeout, and TLS verification unless turned off.
 */
public final class HttpClients {

  private HttpClients() {}

  public static HttpClient create(RetryPolicy policy, boolean verifyTls) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(policy.connectTimeout())
        .proxy(ProxySelector.getDefault());
    if (!verifyTls) {
      builder.sslContext(trustingEverything());
    }
    return builder.build();
  }

  private static SSLContext trustingEverything() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustEverything()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK's TLS provider is unavailable", e);
    }
  }

  /**
   * Accepts any certificate for any host. An extended trust manager is what the JDK asks about
   * host names too, so this also turns host-name checking off; only {@code --insecure} uses it.
   */
  private static final class TrustEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
