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
 * with RE2/J; {@code java}: no extra check) with their flags as an inline prefix.
 */
final class RegexText {

  private static final String META = "\\.[]{}()*+?^$|";

  private final TargetSpec spec;

  RegexText(TargetSpec spec) {
    this.spec = spec;
  }

  /**
   * A wildcard pattern as a regex: {@code *} and {@code ?} match any characters (newlines too,
   * hence {@code s}), literals are quoted, and the match kind decides the anchors.
   */
  String wildcard(Pattern pattern, MatchKind kind, boolean cased) {
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
            + match.regex() + "/ uses " + unsupportedConstruct(match.regex()).orElse("syntax (" + e.getDescription() + ")")
            + ", which RE2, the target's regex engine, does not support");
      }
    }
    return regex;
  }

  /** Names the construct RE2 lacks, for a message a rule author can act on. */
  private static java.util.Optional<String> unsupportedConstruct(String regex) {
    String[][] constructs = {
        {"(?<=", "lookbehind (?<=...)"}, {"(?<!", "negative lookbehind (?<!...)"}, {"(?=", "lookahead (?=...)"},
        {"(?!", "negative lookahead (?!...)"}, {"(?>", "an atomic group (?>...)"}, {"*+", "a possessive quantifier *+"},
        {"++", "a possessive quantifier ++"}, {"?+", "a possessive quantifier ?+"}};
    for (String[] construct : constructs) {
      if (regex.contains(construct[0])) {
        return java.util.Optional.of(construct[1]);
      }
    }
    return java.util.regex.Pattern.compile("\\\\[1-9]|\\\\k<").matcher(regex).find()
        ? java.util.Optional.of("a backreference") : java.util.Optional.empty();
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
