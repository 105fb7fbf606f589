package dev.detectc.condition;

import dev.detectc.source.DiagnosticCode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Turns ANTLR's syntax errors into {@link ConditionError}s with friendlier wording. */
final class SyntaxErrorCollector extends BaseErrorListener {

  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "of", "all", "any", "them");

  private final List<ConditionError> errors;

  SyntaxErrorCollector(List<ConditionError> errors) {
    this.errors = errors;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
      String message, RecognitionException e) {
    int offset = charPositionInLine;
    String text = null;
    if (offendingSymbol instanceof Token) {
      Token token = (Token) offendingSymbol;
      offset = Math.max(0, token.getStartIndex());
      text = token.getType() == Token.EOF ? null : token.getText();
    }
    errors.add(new ConditionError(DiagnosticCode.CONDITION_SYNTAX, offset, explain(text, message)));
  }

  private static String explain(String token, String antlrMessage) {
    if (token != null && !token.equals(token.toLowerCase(Locale.ROOT))
        && KEYWORDS.contains(token.toLowerCase(Locale.ROOT))) {
      return "operators are lower case: write '" + token.toLowerCase(Locale.ROOT) + "', not '" + token + "'";
    }
    if (token == null) {
      return "the condition ends too early: " + friendly(antlrMessage);
    }
    return "unexpected '" + token + "': " + friendly(antlrMessage);
  }

  private static String friendly(String message) {
    return message
        .replace("IDENTIFIER", "<identifier>")
        .replace("PATTERN", "<pattern>")
        .replace("'<EOF>'", "end of condition")
        .replace("<EOF>", "end of condition");
  }
}
