package dev.detectc.testing.spl;

/** The query is not in the SPL subset the target emits, with the first problem's position. */
public final class SplSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SplSyntaxException(String message) {
    super(message);
  }
}
