package dev.detectc.target;

import dev.detectc.ir.MatchKind;
import dev.detectc.ir.Pattern;
import dev.detectc.ir.PatternPart;
import dev.detectc.ir.RegexFlag;
import dev.detectc.ir.RegexMatch;
import dev.detectc.source.DiagnosticCode;

/**
 * Regular expressions for one target: Sigma wildcard patterns as anchored regexes, and Sigma
 * {@code |re} values checked against the target's regex dialect ({@code re2}: Kusto, checked
 * with RE2/J; {@code java}: no extra check) with their flags as an inline prefix; or, for the
 * {@code lucene} dialect, translated into Lucene's anchored, flag-less syntax.
 */
final class RegexText {

  private static final String META = "\\.[]{}()*+?^$|";

  /** The Lucene regex family (Elasticsearch's regexp, query-string /.../, EQL regex, ES|QL RLIKE): anchored, no flags. */
  private static final String LUCENE = "lucene";

  private final TargetSpec spec;

  RegexText(TargetSpec spec) {
    this.spec = spec;
  }

  /**
   * A wildcard pattern as a regex: {@code *} and {@code ?} match any characters (newlines too,
   * hence {@code s}), literals are quoted, and the match kind decides the anchors.
   */
  String wildcard(Pattern pattern, MatchKind kind, boolean cased) {
    if (LUCENE.equals(spec.regexDialect())) {
      return dev.detectc.target.elastic.LuceneRegex.pattern(kind, pattern, !cased);
    }
    if (!spec.regexFlagPrefix()) {
      throw new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE,
          spec.name() + ": wildcards inside a value need a regex with inline flags, which this target lacks");
    }
    StringBuilder regex = new StringBuilder(cased ? "(?s)" : "(?is)");
    if (kind.anchoredStart()) {
      regex.append('^');
    }
    for (PatternPart part : pattern.parts()) {
      if (part.kind() == PatternPart.Kind.ANY_CHARS) {
        regex.append(".*");
      } else if (part.kind() == PatternPart.Kind.ONE_CHAR) {
        regex.append('.');
      } else {
        quote(part.text(), regex);
      }
    }
    if (kind.anchoredEnd()) {
      regex.append('$');
    }
    return regex.toString();
  }

  /** A Sigma regex with its flags, refused when the target's dialect cannot run it. */
  String regex(RegexMatch match) {
    if (LUCENE.equals(spec.regexDialect())) {
      try {
        return dev.detectc.target.elastic.LuceneRegex.of(match);
      } catch (dev.detectc.target.elastic.Unexpressible e) {
        throw new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, spec.name() + ": " + e.getMessage());
      }
    }
    StringBuilder flags = new StringBuilder();
    for (RegexFlag flag : RegexFlag.values()) {
      if (match.has(flag)) {
        flags.append(flag.letter());
      }
    }
    if (flags.length() > 0 && !spec.regexFlagPrefix()) {
      throw new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE,
          spec.name() + ": regex flags (" + flags + ") are not supported by this target");
    }
    String regex = (flags.length() > 0 ? "(?" + flags + ")" : "") + match.regex();
    if ("re2".equals(spec.regexDialect())) {
      try {
        com.google.re2j.Pattern.compile(regex);
      } catch (com.google.re2j.PatternSyntaxException e) {
        throw new RefusalException(DiagnosticCode.UNSUPPORTED_FEATURE, spec.name() + ": the regular expression /"
            + match.regex() + "/ uses syntax RE2 does not support (" + e.getDescription()
            + "); the target's regex engine is RE2, which has no lookaround, backreferences or possessive quantifiers");
      }
    }
    return regex;
  }

  private static void quote(String literal, StringBuilder out) {
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (META.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
  }
}
