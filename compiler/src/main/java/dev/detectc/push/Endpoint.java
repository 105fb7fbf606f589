package dev.detectc.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code --to} address, checked for the SIEM it names: Kibana's base URL (optionally with
 * {@code /s/<space>}), a Splunk namespace ({@code .../servicesNS/<owner>/<app>}) or a Sentinel
 * workspace resource ({@code .../workspaces/<name>}). Credentials in the URL, and plain HTTP to
 * anything but this machine without {@code --insecure}, are refused.
 */
public final class Endpoint {

  private static final Pattern SPLUNK_NAMESPACE = Pattern.compile(".*/servicesNS/[^/]+/[^/]+");
  private static final Pattern SENTINEL_WORKSPACE = Pattern.compile(
      ".*/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.OperationalInsights/workspaces/[^/]+",
      Pattern.CASE_INSENSITIVE);

  private Endpoint() {}

  /** The base URI requests are built on, without a trailing slash; the message says what is wrong otherwise. */
  public static URI parse(Siem siem, String to, boolean insecure) {
    URI uri;
    try {
      uri = new URI(to.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--to is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("--to must be an https:// URL");
    }
    if (uri.getRawUserInfo() != null) {
      // Do not echo the URL: the user part is a credential.
      throw new IllegalArgumentException("--to must not contain user:password@; credentials come only from "
          + siem.credentialVariable() + " or " + Credentials.FILE_VARIABLE);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("--to has no host: " + to);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("--to must not carry a ?query or #fragment");
    }
    if (scheme.equals("http") && !insecure && !loopback(uri.getHost())) {
      throw new IllegalArgumentException("refusing to send a credential over plain http to " + uri.getHost()
          + ": use https (or --insecure for a test system)");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    checkPath(siem, path);
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }

  private static void checkPath(Siem siem, String path) {
    switch (siem) {
      case KIBANA:
        if (path.contains("/api/")) {
          throw new IllegalArgumentException("--to is Kibana's base URL (with /s/<space> for a space), without /api/...");
        }
        break;
      case SPLUNK:
        if (!SPLUNK_NAMESPACE.matcher(path).matches()) {
          throw new IllegalArgumentException("--to must name the Splunk namespace the saved searches live in:"
              + " https://<host>:8089/servicesNS/<owner>/<app>");
        }
        break;
      default:
        if (!SENTINEL_WORKSPACE.matcher(path).matches()) {
          throw new IllegalArgumentException("--to must be the Sentinel workspace resource: https://management.azure.com"
              + "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.OperationalInsights/workspaces/<name>");
        }
        break;
    }
  }

  static boolean loopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
  }
}
