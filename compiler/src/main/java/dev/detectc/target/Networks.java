package dev.detectc.target;

import dev.detectc.ir.Cidr;

/** CIDR networks as text targets accept: IPv6 in its RFC 5952 short form ({@code fd00::/8}). */
final class Networks {

  private Networks() {}

  static String text(Cidr network) {
    if (!network.ipv6()) {
      return network.toString();
    }
    byte[] bytes = network.bytes();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; i++) {
      int length = 0;
      while (i + length < 8 && groups[i + length] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = i;
        bestLength = length;
      }
      i += length;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text + "/" + network.prefixLength();
  }
}
