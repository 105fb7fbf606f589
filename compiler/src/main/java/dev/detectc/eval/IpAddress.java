package dev.detectc.eval;

/**
 * Parses IP address literals from event text without any name lookup: dotted-quad IPv4 and
 * IPv6 with {@code ::} compression, an embedded IPv4 tail and an optional {@code %zone}.
 * Anything else is not an address, so a CIDR test simply fails on it.
 */
final class IpAddress {

  private IpAddress() {}

  /** 4 or 16 bytes, or null when {@code text} is not an address literal. */
  static byte[] parse(String text) {
    if (text.isEmpty() || text.length() > 64) {
      return null;
    }
    return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text, 0, text.length());
  }

  static boolean inNetwork(byte[] address, byte[] network, int prefixLength) {
    if (address.length != network.length) {
      return false;
    }
    int whole = prefixLength / 8;
    for (int i = 0; i < whole; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (address[whole] & mask) == (network[whole] & mask);
  }

  private static byte[] parseV4(String text, int from, int to) {
    byte[] bytes = new byte[4];
    int octet = 0;
    int value = 0;
    int digits = 0;
    for (int i = from; i <= to; i++) {
      char c = i < to ? text.charAt(i) : '.';
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        if (++digits > 3 || value > 255) {
          return null;
        }
      } else if (c == '.' && digits > 0 && octet < 4) {
        bytes[octet++] = (byte) value;
        value = 0;
        digits = 0;
      } else {
        return null;
      }
    }
    return octet == 4 ? bytes : null;
  }

  private static byte[] parseV6(String text) {
    int zone = text.indexOf('%');
    String address = zone >= 0 ? text.substring(0, zone) : text;
    int gap = address.indexOf("::");
    if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    byte[] head = groups(gap >= 0 ? address.substring(0, gap) : address);
    byte[] tail = gap >= 0 ? groups(address.substring(gap + 2)) : new byte[0];
    if (head == null || tail == null) {
      return null;
    }
    int total = head.length + tail.length;
    if ((gap < 0 && total != 16) || (gap >= 0 && total > 14)) {
      return null;
    }
    byte[] bytes = new byte[16];
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy(tail, 0, bytes, 16 - tail.length, tail.length);
    return bytes;
  }

  /** The bytes of colon-separated hex groups, the last of which may be a dotted IPv4 address. */
  private static byte[] groups(String part) {
    if (part.isEmpty()) {
      return new byte[0];
    }
    String[] pieces = part.split(":", -1);
    byte[] bytes = new byte[pieces.length * 2 + 2];
    int length = 0;
    for (int i = 0; i < pieces.length; i++) {
      String piece = pieces[i];
      if (i == pieces.length - 1 && piece.indexOf('.') >= 0) {
        byte[] v4 = parseV4(piece, 0, piece.length());
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, bytes, length, 4);
        length += 4;
        continue;
      }
      if (piece.isEmpty() || piece.length() > 4) {
        return null;
      }
      int value = 0;
      for (int k = 0; k < piece.length(); k++) {
        char c = piece.charAt(k);
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (digit < 0) {
          return null;
        }
        value = value * 16 + digit;
      }
      bytes[length++] = (byte) (value >> 8);
      bytes[length++] = (byte) value;
    }
    return java.util.Arrays.copyOf(bytes, length);
  }
}
