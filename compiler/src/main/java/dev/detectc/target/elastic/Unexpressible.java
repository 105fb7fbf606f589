package dev.detectc.target.elastic;

/**
 * Thrown when a rule uses something a target language cannot say with the same meaning; the
 * message names the construct and why, and becomes that one rule's error.
 */
public final class Unexpressible extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public Unexpressible(String message) {
    super(message, null, false, false);
  }
}
