package dev.detectc.target.elastic;

/**
 * A structural check of EQL and ES|QL text, the languages with no parser in Java: every string
 * literal decodes and ends where it should, backquoted names close, and parentheses and brackets
 * outside literals balance. It catches a value leaking out of its literal or a broken template.
 */
final class QueryStructure {

  private QueryStructure() {}

  /** Null when the text is well formed, else what is wrong. */
  static String problem(String text, boolean eql) {
    StringBuilder open = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        try {
          i = (eql ? LiteralReader.eql(text, i) : LiteralReader.esql(text, i)).end() - 1;
        } catch (RuntimeException e) {
          return "bad string literal at " + i + ": " + e.getMessage();
        }
      } else if (c == '`') {
        int close = i + 1;
        while (close < text.length() && (text.charAt(close) != '`'
            || (close + 1 < text.length() && text.charAt(close + 1) == '`'))) {
          close += text.charAt(close) == '`' ? 2 : 1;
        }
        if (close >= text.length()) {
          return "unclosed backquote at " + i;
        }
        i = close;
      } else if (c == '(' || c == '[') {
        open.append(c);
      } else if (c == ')' || c == ']') {
        if (open.length() == 0 || open.charAt(open.length() - 1) != (c == ')' ? '(' : '[')) {
          return "unbalanced '" + c + "' at " + i;
        }
        open.setLength(open.length() - 1);
      }
    }
    return open.length() == 0 ? null : "unclosed '" + open + "'";
  }
}
