package dev.detectc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.detectc.eval.input.FieldPath;
import java.util.function.Predicate;

/** The field holds an IPv4 or IPv6 address inside a network; other text never matches. */
final class CidrMatcher implements EventMatcher {

  private final FieldPath field;
  private final byte[] network;
  private final int prefixLength;
  /** Made once: a capturing lambda written in matches() would be a new object per event. */
  private final Predicate<String> inside = this::inside;

  CidrMatcher(FieldPath field, byte[] network, int prefixLength) {
    this.field = field;
    this.network = network.clone();
    this.prefixLength = prefixLength;
  }

  @Override
  public boolean matches(JsonNode event) {
    return Values.anyText(field.get(event), inside);
  }

  private boolean inside(String text) {
    byte[] address = IpAddress.parse(text);
    return address != null && IpAddress.inNetwork(address, network, prefixLength);
  }
}
