package dev.detectc.target.elastic;

/**
 * Double-quoted string literals with backslash escapes, as EQL and ES|QL write them: quote,
 * backslash, LF, CR and tab always escaped; other control characters escaped as
 * {@code \}{@code u{XX}} where the language has that escape (EQL) and left as they are where the
 * grammar takes them raw (ES|QL).
 */
final class StringLiterals {

  private StringLiterals() {}

  static String quote(String value, boolean unicodeEscapes) {
    StringBuilder text = new StringBuilder(value.length() + 2).append('"');
    value.codePoints().forEach(cp -> {
      switch (cp) {
        case '"':
          text.append("\\\"");
          break;
        case '\\':
          text.append("\\\\");
          break;
        case '\n':
          text.append("\\n");
          break;
        case '\r':
          text.append("\\r");
          break;
        case '\t':
          text.append("\\t");
          break;
        default:
          if (unicodeEscapes && (cp < 0x20 || cp == 0x7f)) {
            text.append("\\u{").append(Integer.toHexString(cp)).append('}');
          } else {
            text.appendCodePoint(cp);
          }
      }
    });
    return text.append('"').toString();
  }
}
