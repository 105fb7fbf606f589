package dev.detectc.testing.spl;

import dev.detectc.testing.spl.grammar.SplQueryLexer;
import dev.detectc.testing.spl.grammar.SplQueryParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/** Parses query text with the subset grammar; the first syntax error is thrown with its place. */
public final class SplParsing {

  private SplParsing() {}

  public static SplQueryParser.QueryContext parse(String query) {
    BaseErrorListener thrower = new BaseErrorListener() {
      @Override
      public void syntaxError(Recognizer<?, ?> recognizer, Object symbol, int line, int column, String message,
          RecognitionException e) {
        throw new SplSyntaxException(line + ":" + (column + 1) + ": " + message);
      }
    };
    SplQueryLexer lexer = new SplQueryLexer(CharStreams.fromString(query));
    lexer.removeErrorListeners();
    lexer.addErrorListener(thrower);
    SplQueryParser parser = new SplQueryParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(thrower);
    return parser.query();
  }
}
