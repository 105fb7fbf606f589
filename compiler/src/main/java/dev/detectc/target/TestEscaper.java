package dev.detectc.target;

import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import dev.detectc.ir.PatternPart;
import java.util.Locale;
import java.util.Optional;

/**
 * The escaper of {@code targets/test/}, a made-up dialect that exists to test the shared
 * renderer: strings in single quotes with backslash escapes and {@code \x{HEX}} for anything
 * outside printable ASCII, identifiers in backticks when not plain, native {@code *}/{@code ?}
 * wildcards with {@code \*}, {@code \?} for literal ones, and upper-case booleans.
 */
public final class TestEscaper implements Escaper {

  @Override
  public String string(String value) {
    return "'" + escape(value, false) + "'";
  }

  @Override
  public String identifier(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_.]*") ? name : "`" + name.replace("`", "``") + "`";
  }

  @Override
  public String bool(boolean value) {
    return value ? "TRUE" : "FALSE";
  }

  @Override
  public Optional<String> wildcard(Pattern pattern, MatchKind kind) {
    StringBuilder text = new StringBuilder("'");
    if (!kind.anchoredStart()) {
      text.append('*');
    }
    for (PatternPart part : pattern.parts()) {
      if (part.kind() == PatternPart.Kind.ANY_CHARS) {
        text.append('*');
      } else if (part.kind() == PatternPart.Kind.ONE_CHAR) {
        text.append('?');
      } else {
        text.append(escape(part.text(), true));
      }
    }
    if (!kind.anchoredEnd()) {
      text.append('*');
    }
    return Optional.of(text.append('\'').toString());
  }

  private static String escape(String value, boolean wildcards) {
    StringBuilder text = new StringBuilder();
    value.codePoints().forEach(c -> {
      if (c == '\'' || c == '\\' || (wildcards && (c == '*' || c == '?'))) {
        text.append('\\').appendCodePoint(c);
      } else if (c < 0x20 || c > 0x7e) {
        text.append(String.format(Locale.ROOT, "\\x{%X}", c));
      } else {
        text.appendCodePoint(c);
      }
    });
    return text.toString();
  }
}
