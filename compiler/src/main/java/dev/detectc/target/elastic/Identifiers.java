package dev.detectc.target.elastic;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Backquote quoting of field names, shared by EQL and ES|QL (a backquote inside is doubled). */
final class Identifiers {

  private static final Pattern PART = Pattern.compile("[A-Za-z_@][A-Za-z0-9_@]*");
  private static final Pattern PART_NO_AT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Identifiers() {}

  static String quoteIfNeeded(String name, Set<String> keywords, boolean allowAt) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty field name");
    }
    boolean plain = !name.startsWith(".") && !name.endsWith(".") && !name.contains("..");
    if (plain) {
      for (String part : name.split("\\.")) {
        boolean shaped = (allowAt ? PART : PART_NO_AT).matcher(part).matches();
        if (!shaped || keywords.contains(part.toLowerCase(Locale.ROOT))) {
          plain = false;
          break;
        }
      }
    }
    return plain ? name : "`" + name.replace("`", "``") + "`";
  }
}
