package dev.detectc.condition;

import dev.detectc.condition.grammar.SigmaConditionLexer;
import dev.detectc.condition.grammar.SigmaConditionParser;
import dev.detectc.source.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/** Parses Sigma condition strings into {@link Condition} trees, collecting every error. */
public final class ConditionParser {

  /** Deeper nesting of parentheses and negations is refused before ANTLR can overflow the stack. */
  public static final int MAX_DEPTH = 64;

  /** Longer conditions are refused outright; real rules stay far below this. */
  public static final int MAX_LENGTH = 65_536;

  public ParsedCondition parse(String text) {
    List<ConditionError> errors = new ArrayList<>();
    int pipe = text.indexOf('|');
    if (pipe >= 0) {
      errors.add(new ConditionError(DiagnosticCode.CONDITION_PIPE, pipe,
          "the pipe aggregation ('| count() ...') is deprecated; write a correlation rule instead"));
      return new ParsedCondition(null, errors);
    }
    if (text.length() > MAX_LENGTH) {
      errors.add(new ConditionError(DiagnosticCode.CONDITION_DEPTH, 0,
          "the condition is longer than " + MAX_LENGTH + " characters"));
      return new ParsedCondition(null, errors);
    }
    int tooDeep = depthViolation(text);
    if (tooDeep >= 0) {
      errors.add(new ConditionError(DiagnosticCode.CONDITION_DEPTH, tooDeep,
          "the condition nests more than " + MAX_DEPTH + " levels deep"));
      return new ParsedCondition(null, errors);
    }
    if (text.isBlank()) {
      errors.add(new ConditionError(DiagnosticCode.CONDITION_SYNTAX, 0, "the condition is empty"));
      return new ParsedCondition(null, errors);
    }
    SyntaxErrorCollector collector = new SyntaxErrorCollector(errors);
    SigmaConditionLexer lexer = new SigmaConditionLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(collector);
    SigmaConditionParser parser = new SigmaConditionParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(collector);
    SigmaConditionParser.StandaloneConditionContext tree = parser.standaloneCondition();
    if (!errors.isEmpty()) {
      return new ParsedCondition(null, errors);
    }
    return new ParsedCondition(new ConditionAstBuilder().visit(tree), errors);
  }

  /** The offset at which parentheses or "not" chains first exceed {@link #MAX_DEPTH}, or -1. */
  private static int depthViolation(String text) {
    int depth = 0;
    int nots = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      }
      if (text.startsWith("not", i) && (i == 0 || !isWordChar(text.charAt(i - 1)))
          && (i + 3 == text.length() || !isWordChar(text.charAt(i + 3)))) {
        nots++;
      }
      if (depth + nots > MAX_DEPTH) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '*';
  }
}
