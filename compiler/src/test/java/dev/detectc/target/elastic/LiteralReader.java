package dev.detectc.target.elastic;

/**
 * Reads one EQL or ES|QL double-quoted string literal the way the languages' lexers do, for
 * tests that prove a value cannot leave its literal: decoding must give the value back and the
 * literal must end exactly where the writer ended it.
 */
final class LiteralReader {

  /** The decoded value and the index just after the closing quote. */
  record Read(String value, int end) {}

  private LiteralReader() {}

  static Read eql(String text, int from) {
    return read(text, from, true);
  }

  static Read esql(String text, int from) {
    return read(text, from, false);
  }

  private static Read read(String text, int from, boolean eql) {
    if (text.charAt(from) != '"') {
      throw new IllegalArgumentException("no literal at " + from + " in " + text);
    }
    StringBuilder value = new StringBuilder();
    int i = from + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        return new Read(value.toString(), i + 1);
      }
      if (!eql && (c == '\n' || c == '\r')) {
        throw new IllegalArgumentException("raw line break in an ES|QL string");
      }
      if (c != '\\') {
        value.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      switch (next) {
        case 'n': value.append('\n'); break;
        case 'r': value.append('\r'); break;
        case 't': value.append('\t'); break;
        case '"': value.append('"'); break;
        case '\\': value.append('\\'); break;
        case 'u':
          if (!eql) {
            throw new IllegalArgumentException("ES|QL has no \\u escape");
          }
          int close = text.indexOf('}', i);
          value.appendCodePoint(Integer.parseInt(text.substring(i + 3, close), 16));
          i = close - 1;
          break;
        default:
          throw new IllegalArgumentException("unknown escape \\" + next + " in " + text);
      }
      i += 2;
    }
    throw new IllegalArgumentException("unterminated literal in " + text);
  }
}
