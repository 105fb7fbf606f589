package dev.detectc.target;

import java.util.Locale;
import java.util.Set;

/**
 * KQL literals and identifiers. Strings are written {@code "..."} with backslash escapes, or
 * verbatim {@code @"..."} when that reads better (a Windows path or a regex with backslashes and
 * nothing else to escape). Characters the Kusto lexer drops or treats as line breaks (C0 and C1
 * controls, U+2028, U+2029, U+FEFF, lone surrogates) are always {@code \}{@code uXXXX} escapes,
 * which Microsoft's parser decodes exactly. A dotted Sigma field ({@code dns.question.name}) is a
 * path into a dynamic column; names that are not plain identifiers, or are KQL keywords, are
 * bracketed as {@code ['name']}.
 */
public final class KqlEscaper implements Escaper {

  private final Set<String> reserved;

  /** {@code reserved}: words that cannot be bare column names (from target.yaml). */
  public KqlEscaper(Set<String> reserved) {
    this.reserved = Set.copyOf(reserved);
  }

  @Override
  public String string(String value) {
    if (value.indexOf('\\') >= 0 && value.indexOf('"') < 0 && value.chars().noneMatch(KqlEscaper::needsEscape)) {
      return "@\"" + value + "\"";
    }
    return quoted(value, '"');
  }

  @Override
  public String identifier(String name) {
    String[] segments = name.split("\\.", -1);
    boolean path = segments.length > 1;
    for (String segment : segments) {
      path &= !segment.isEmpty();
    }
    if (!path) {
      return bare(name) ? name : bracketed(name);
    }
    StringBuilder text = new StringBuilder(bare(segments[0]) ? segments[0] : bracketed(segments[0]));
    for (int i = 1; i < segments.length; i++) {
      text.append(bare(segments[i]) ? "." + segments[i] : bracketed(segments[i]));
    }
    return text.toString();
  }

  private boolean bare(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") && !reserved.contains(name)
        && !name.toLowerCase(Locale.ROOT).equals("true") && !name.toLowerCase(Locale.ROOT).equals("false");
  }

  private static String bracketed(String name) {
    return "[" + quoted(name, '\'') + "]";
  }

  private static String quoted(String value, char quote) {
    StringBuilder text = new StringBuilder(value.length() + 8).append(quote);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == quote) {
        text.append('\\').append(c);
      } else if (c == '\n') {
        text.append("\\n");
      } else if (c == '\r') {
        text.append("\\r");
      } else if (c == '\t') {
        text.append("\\t");
      } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        text.append(c).append(value.charAt(++i));
      } else if (needsEscape(c)) {
        text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
    return text.append(quote).toString();
  }

  /** Characters written as escapes: controls, line separators, the BOM and (unpaired) surrogates. */
  private static boolean needsEscape(int c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff
        || Character.isSurrogate((char) c);
  }
}
