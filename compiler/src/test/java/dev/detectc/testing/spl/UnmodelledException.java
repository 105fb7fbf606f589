package dev.detectc.testing.spl;

/**
 * The query relies on Splunk behaviour this interpreter does not model because Splunk's
 * documentation does not define it (a multivalue field in a scalar function, NOT over a null).
 * A test that hits it fails: the target must not emit queries whose meaning is unknown.
 */
public final class UnmodelledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnmodelledException(String message) {
    super(message);
  }
}
