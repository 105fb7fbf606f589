package dev.detectc.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SIEM secrets, read only from environment variables or from the file named by
 * {@code DETECTC_CREDENTIALS_FILE} (lines {@code NAME=value}); an environment variable wins over
 * the file. Never from the command line, where shell history and process lists would keep them.
 */
public final class Credentials {

  public static final String FILE_VARIABLE = "DETECTC_CREDENTIALS_FILE";

  /**
   * Real API keys and tokens are far longer; a shorter value is a mistake, and redacting it
   * would blank out ordinary words in every message.
   */
  static final int MINIMUM_LENGTH = 8;

  private final Map<Siem, String> secrets;
  private final List<String> warnings;

  private Credentials(Map<Siem, String> secrets, List<String> warnings) {
    this.secrets = secrets.isEmpty() ? Map.of() : new EnumMap<>(secrets);
    this.warnings = List.copyOf(warnings);
  }

  /** Reads every secret the environment (and the credentials file it may name) provides. */
  public static Credentials load(Map<String, String> environment) throws CredentialsException {
    Map<Siem, String> secrets = new EnumMap<>(Siem.class);
    List<String> warnings = new ArrayList<>();
    String fileName = environment.get(FILE_VARIABLE);
    if (fileName != null && !fileName.isBlank()) {
      readFile(Path.of(fileName), secrets, warnings);
    }
    for (Siem siem : Siem.values()) {
      String value = environment.get(siem.credentialVariable());
      if (value != null && !value.isBlank()) {
        secrets.put(siem, value.strip());
      }
    }
    return new Credentials(secrets, warnings);
  }

  /** The secret for {@code siem}, or a message naming where it should have come from. */
  public String require(Siem siem) throws CredentialsException {
    String secret = secret(siem).orElseThrow(() -> new CredentialsException("no credential for " + siem.displayName()
        + ": set " + siem.credentialVariable() + " in the environment, or in the file named by " + FILE_VARIABLE));
    if (secret.length() < MINIMUM_LENGTH) {
      throw new CredentialsException(siem.credentialVariable() + " is too short to be a real credential (fewer than "
          + MINIMUM_LENGTH + " characters)");
    }
    return secret;
  }

  public Optional<String> secret(Siem siem) {
    return Optional.ofNullable(secrets.get(siem));
  }

  /**
   * Redacts every secret loaded, whichever SIEM it belongs to. A value too short to be a
   * credential is never sent (see {@link #require}), so it is left out rather than blanking
   * ordinary words.
   */
  public Redactor redactor() {
    return Redactor.of(secrets.values().stream().filter(secret -> secret.length() >= MINIMUM_LENGTH).toList());
  }

  /** Things worth telling the user, such as a credentials file others can read. */
  public List<String> warnings() {
    return warnings;
  }

  private static void readFile(Path file, Map<Siem, String> secrets, List<String> warnings)
      throws CredentialsException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new CredentialsException("cannot read the credentials file " + file + " named by " + FILE_VARIABLE
          + " (" + e.getClass().getSimpleName() + ")");
    }
    warnIfShared(file, warnings);
    for (int index = 0; index < lines.size(); index++) {
      String line = lines.get(index).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int equals = line.indexOf('=');
      // Messages name the line, never its text: a malformed line may be a bare secret.
      String where = file + ":" + (index + 1);
      if (equals <= 0) {
        throw new CredentialsException(where + ": expected NAME=value");
      }
      String name = line.substring(0, equals).strip();
      Siem siem = Arrays.stream(Siem.values()).filter(s -> s.credentialVariable().equals(name)).findFirst()
          .orElseThrow(() -> new CredentialsException(where + ": unknown name; expected one of "
              + Arrays.stream(Siem.values()).map(Siem::credentialVariable).collect(Collectors.joining(", "))));
      String value = unquote(line.substring(equals + 1).strip());
      if (!value.isEmpty()) {
        secrets.put(siem, value);
      }
    }
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
        || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  private static void warnIfShared(Path file, List<String> warnings) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
        warnings.add("the credentials file " + file + " can be read by other users; restrict it (chmod 600)");
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Not a POSIX file system: nothing to check.
    }
  }
}
