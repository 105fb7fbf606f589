package dev.detectc.ir;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network. Parsing is strict, as in the reference implementation: host bits
 * must be zero ({@code 192.168.1.1/24} is refused). A bare address is a single-host network.
 */
public record Cidr(String address, int prefixLength, boolean ipv6) {

  public Cidr {
    Objects.requireNonNull(address, "address");
  }

  /** The parsed network, or empty with the reason in {@code problem[0]}. */
  public static Optional<Cidr> parse(String text, String[] problem) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
    if (!host.matches("[0-9.]+") && !host.matches("[0-9A-Fa-f:.]+")) {
      problem[0] = "'" + text + "' is not an IP address or network";
      return Optional.empty();
    }
    byte[] bytes;
    try {
      // Only literal addresses reach this call (checked above), so no name lookup happens.
      bytes = InetAddress.getByName(host).getAddress();
    } catch (UnknownHostException e) {
      problem[0] = "'" + text + "' is not an IP address or network";
      return Optional.empty();
    }
    boolean v6 = host.contains(":");
    if (v6 && bytes.length == 4) {
      // An IPv4-mapped IPv6 address; keep the family the author wrote.
      bytes = mapped(bytes);
    }
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String length = trimmed.substring(slash + 1);
      if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
        problem[0] = "'" + text + "' has an invalid prefix length";
        return Optional.empty();
      }
      prefix = Integer.parseInt(length);
    }
    for (int bit = prefix; bit < bits; bit++) {
      if ((bytes[bit / 8] & (0x80 >> (bit % 8))) != 0) {
        problem[0] = "'" + text + "' has host bits set beyond /" + prefix;
        return Optional.empty();
      }
    }
    try {
      return Optional.of(new Cidr(InetAddress.getByAddress(bytes).getHostAddress(), prefix, v6));
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] mapped(byte[] v4) {
    byte[] v6 = new byte[16];
    v6[10] = (byte) 0xff;
    v6[11] = (byte) 0xff;
    System.arraycopy(v4, 0, v6, 12, 4);
    return v6;
  }

  /** The network's address bytes. */
  public byte[] bytes() {
    try {
      byte[] raw = InetAddress.getByName(address).getAddress();
      return ipv6 && raw.length == 4 ? mapped(raw) : raw;
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** True when {@code candidate} (raw address bytes, 4 or 16) lies in this network. */
  public boolean contains(byte[] candidate) {
    byte[] network = bytes();
    if (candidate.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefixLength; bit++) {
      int mask = 0x80 >> (bit % 8);
      if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return address + "/" + prefixLength;
  }
}
