package dev.detectc.ir;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The value transformations of the encoding and string modifiers. Encoded values are carried
 * as strings of byte-valued characters (U+0000..U+00FF) so that wildcards around them survive.
 */
final class Encodings {

  /** Dash variants {@code |windash} substitutes: hyphen, slash, en dash, em dash, horizontal bar. */
  static final List<String> DASHES = List.of("-", "/", "\u2013", "\u2014", "\u2015");

  private static final java.util.regex.Pattern DASH_POSITION = java.util.regex.Pattern.compile("\\B[-/]\\b");

  private Encodings() {}

  static String utf16le(String text) {
    return bytesToChars(text.getBytes(StandardCharsets.UTF_16LE));
  }

  static String utf16be(String text) {
    return bytesToChars(text.getBytes(StandardCharsets.UTF_16BE));
  }

  /** UTF-16 with the little-endian byte-order mark, as Windows writes it. */
  static String utf16(String text) {
    return bytesToChars(new byte[] {(byte) 0xFF, (byte) 0xFE}) + utf16le(text);
  }

  /** The bytes a value stands for: byte-valued characters after an encoding, UTF-8 otherwise. */
  static byte[] bytes(String text, boolean encoded) {
    return encoded ? text.getBytes(StandardCharsets.ISO_8859_1) : text.getBytes(StandardCharsets.UTF_8);
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The three base64 forms of {@code bytes} at each possible offset inside a larger encoded
   * string, trimmed to the characters that do not depend on the surrounding data.
   */
  static List<String> base64Offsets(byte[] bytes) {
    int[] start = {0, 2, 3};
    int[] endTrim = {0, 3, 2};
    List<String> variants = new ArrayList<>();
    for (int shift = 0; shift < 3; shift++) {
      byte[] padded = new byte[bytes.length + shift];
      for (int i = 0; i < shift; i++) {
        padded[i] = ' ';
      }
      System.arraycopy(bytes, 0, padded, shift, bytes.length);
      String encoded = base64(padded);
      int end = endTrim[(bytes.length + shift) % 3];
      int to = encoded.length() - end;
      if (to > start[shift]) {
        variants.add(encoded.substring(start[shift], to));
      }
    }
    return variants;
  }

  /** Positions of dashes {@code |windash} replaces: a '-' or '/' that starts a word after a non-word. */
  static List<Integer> dashPositions(String text) {
    List<Integer> positions = new ArrayList<>();
    Matcher matcher = DASH_POSITION.matcher(text);
    while (matcher.find()) {
      positions.add(matcher.start());
    }
    return positions;
  }

  private static String bytesToChars(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
