package dev.detectc.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A Sigma string value with its wildcards resolved (specification §String Wildcard and
 * §Escape Character): adjacent literals are merged, runs of {@code *} collapse to one.
 */
public record Pattern(List<PatternPart> parts) {

  public Pattern {
    parts = normalize(parts);
  }

  public static Pattern literal(String text) {
    return new Pattern(List.of(PatternPart.literal(text)));
  }

  /**
   * Parses a Sigma value. {@code \*}, {@code \?} and {@code \\} are escapes; any other
   * backslash, including a trailing one, is a literal backslash.
   */
  public static Pattern parse(String value) {
    List<PatternPart> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        char next = i + 1 < value.length() ? value.charAt(i + 1) : 0;
        if (next == '*' || next == '?' || next == '\\') {
          literal.append(next);
          i++;
        } else {
          literal.append('\\');
        }
      } else if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          parts.add(PatternPart.literal(literal.toString()));
          literal.setLength(0);
        }
        parts.add(c == '*' ? PatternPart.ANY : PatternPart.ONE);
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      parts.add(PatternPart.literal(literal.toString()));
    }
    return new Pattern(parts);
  }

  /** True when the pattern has no wildcard: it is one literal (possibly empty). */
  public boolean isPlain() {
    return parts.stream().allMatch(PatternPart::isLiteral);
  }

  public boolean hasWildcards() {
    return !isPlain();
  }

  /** The literal text of a plain pattern. */
  public String plainText() {
    if (!isPlain()) {
      throw new IllegalStateException("pattern has wildcards: " + toSigma());
    }
    return parts.isEmpty() ? "" : parts.get(0).text();
  }

  public boolean startsWithAny() {
    return !parts.isEmpty() && parts.get(0).kind() == PatternPart.Kind.ANY_CHARS;
  }

  public boolean endsWithAny() {
    return !parts.isEmpty() && parts.get(parts.size() - 1).kind() == PatternPart.Kind.ANY_CHARS;
  }

  /** The pattern without a leading and/or trailing {@code *}. */
  public Pattern trim(boolean leading, boolean trailing) {
    int from = leading && startsWithAny() ? 1 : 0;
    int to = trailing && endsWithAny() && parts.size() > from ? parts.size() - 1 : parts.size();
    return new Pattern(parts.subList(from, to));
  }

  public Pattern prepend(PatternPart part) {
    List<PatternPart> joined = new ArrayList<>();
    joined.add(part);
    joined.addAll(parts);
    return new Pattern(joined);
  }

  public Pattern append(PatternPart part) {
    List<PatternPart> joined = new ArrayList<>(parts);
    joined.add(part);
    return new Pattern(joined);
  }

  /** The same wildcards with every literal rewritten (used by the encodings). */
  public Pattern mapLiterals(UnaryOperator<String> mapping) {
    return new Pattern(parts.stream()
        .map(part -> part.isLiteral() ? PatternPart.literal(mapping.apply(part.text())) : part)
        .toList());
  }

  /**
   * The pattern as the body of a regular expression: each literal through {@code quote} (the
   * target dialect's escaping), {@code *} as {@code .*} and {@code ?} as {@code .}.
   */
  public String toRegexBody(UnaryOperator<String> quote) {
    StringBuilder regex = new StringBuilder();
    for (PatternPart part : parts) {
      switch (part.kind()) {
        case ANY_CHARS:
          regex.append(".*");
          break;
        case ONE_CHAR:
          regex.append('.');
          break;
        default:
          regex.append(quote.apply(part.text()));
      }
    }
    return regex.toString();
  }

  /** The pattern written back as a Sigma value, escaping literal wildcards and backslashes where needed. */
  public String toSigma() {
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < parts.size(); p++) {
      PatternPart part = parts.get(p);
      if (part.kind() == PatternPart.Kind.ANY_CHARS) {
        text.append('*');
      } else if (part.kind() == PatternPart.Kind.ONE_CHAR) {
        text.append('?');
      } else {
        String literal = part.text();
        boolean wildcardFollows = p + 1 < parts.size();
        for (int i = 0; i < literal.length(); i++) {
          char c = literal.charAt(i);
          boolean last = i == literal.length() - 1;
          if (c == '*' || c == '?') {
            text.append('\\').append(c);
          } else if (c == '\\') {
            // A backslash must be doubled only where it would otherwise escape what follows.
            char next = last ? 0 : literal.charAt(i + 1);
            boolean escapesNext = next == '*' || next == '?' || next == '\\' || (last && wildcardFollows);
            text.append(escapesNext ? "\\\\" : "\\");
          } else {
            text.append(c);
          }
        }
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return toSigma();
  }

  private static List<PatternPart> normalize(List<PatternPart> input) {
    List<PatternPart> out = new ArrayList<>();
    for (PatternPart part : input) {
      if (part.isLiteral() && part.text().isEmpty()) {
        continue;
      }
      PatternPart last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.isLiteral() && part.isLiteral()) {
        out.set(out.size() - 1, PatternPart.literal(last.text() + part.text()));
      } else if (last != null && last.kind() == PatternPart.Kind.ANY_CHARS && part.kind() == PatternPart.Kind.ANY_CHARS) {
        continue;
      } else {
        out.add(part);
      }
    }
    return List.copyOf(out);
  }
}
