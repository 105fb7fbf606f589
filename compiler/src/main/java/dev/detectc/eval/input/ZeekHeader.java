package dev.detectc.eval.input;

import java.util.ArrayList;
import java.util.List;

/** The {@code #} header lines of a Zeek ASCII log, kept as they arrive (a file may repeat them). */
final class ZeekHeader {

  private String separator = "\t";
  private String setSeparator = ",";
  private String empty = "(empty)";
  private String unset = "-";
  private List<String> fields;
  private List<String> types;

  /** Takes one header line; returns a problem to report, or null. */
  String accept(String line) {
    int space = line.indexOf(' ');
    if (line.startsWith("#separator") && space > 0) {
      separator = unescape(line.substring(space + 1));
      return separator.isEmpty() ? "#separator is empty" : null;
    }
    List<String> parts = split(line, separator);
    String key = parts.get(0);
    List<String> values = parts.subList(1, parts.size());
    switch (key) {
      case "#set_separator":
        setSeparator = values.isEmpty() ? setSeparator : unescape(values.get(0));
        return null;
      case "#empty_field":
        empty = values.isEmpty() ? empty : values.get(0);
        return null;
      case "#unset_field":
        unset = values.isEmpty() ? unset : values.get(0);
        return null;
      case "#fields":
        fields = List.copyOf(values);
        types = null;
        return null;
      case "#types":
        types = List.copyOf(values);
        return fields != null && types.size() != fields.size()
            ? "#types lists " + types.size() + " types for " + fields.size() + " #fields" : null;
      default:
        return null; // #path, #open, #close and comments carry nothing an event needs
    }
  }

  boolean ready() {
    return fields != null;
  }

  List<String> fields() {
    return fields;
  }

  /** The declared type of column {@code i}; string when #types is missing or short. */
  String type(int i) {
    return types != null && i < types.size() ? types.get(i) : "string";
  }

  String separator() {
    return separator;
  }

  String setSeparator() {
    return setSeparator;
  }

  String empty() {
    return empty;
  }

  String unset() {
    return unset;
  }

  static boolean isContainer(String type) {
    return type.startsWith("vector[") || type.startsWith("set[");
  }

  static String elementType(String type) {
    return type.substring(type.indexOf('[') + 1, type.length() - 1);
  }

  /** Splits on a literal separator, keeping empty pieces. */
  static List<String> split(String text, String separator) {
    List<String> parts = new ArrayList<>();
    int from = 0;
    for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, from)) {
      parts.add(text.substring(from, at));
      from = at + separator.length();
    }
    parts.add(text.substring(from));
    return parts;
  }

  /** Decodes Zeek's {@code \xHH} escapes (bytes, so multi-byte UTF-8 sequences are reassembled). */
  static String unescape(String text) {
    if (text.indexOf("\\x") < 0) {
      return text;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length());
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == '\\' && i + 3 < utf8.length && utf8[i + 1] == 'x' && hex(utf8[i + 2]) >= 0 && hex(utf8[i + 3]) >= 0) {
        bytes.write(hex(utf8[i + 2]) * 16 + hex(utf8[i + 3]));
        i += 3;
      } else {
        bytes.write(utf8[i]);
      }
    }
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit(b, 16);
  }
}
