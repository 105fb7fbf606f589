package dev.detectc.push;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces every known secret, in every form it can travel in (as given, base64-encoded as in an
 * {@code ApiKey} header), with a fixed marker. Everything push prints passes through one, so a
 * server that echoes a header back, or a bug that formats a request, cannot leak a credential.
 */
public final class Redactor {

  public static final String MARKER = "[REDACTED]";
  public static final Redactor NONE = new Redactor(List.of());

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  /** A redactor for these secrets and their encoded forms. */
  public static Redactor of(Iterable<String> rawSecrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : rawSecrets) {
      if (secret == null || secret.isEmpty()) {
        continue;
      }
      forms.add(secret);
      forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    }
    List<String> ordered = new ArrayList<>(forms);
    // Longest first, so a secret that contains another is replaced whole.
    ordered.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(ordered);
  }

  public String redact(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MARKER);
    }
    return result;
  }

  /** The longest secret form, so a streaming writer knows how much text to hold back. */
  int longestSecret() {
    return secrets.isEmpty() ? 0 : secrets.get(0).length();
  }
}
