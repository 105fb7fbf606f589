package dev.detectc.push;

/**
 * One rule could not be pushed. The message is already redacted. A fatal failure (credentials
 * refused, certificate not trusted) would repeat for every rule, so the run stops there.
 */
public final class PushFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean fatal;

  public PushFailure(String message, boolean fatal) {
    super(message);
    this.fatal = fatal;
  }

  public boolean fatal() {
    return fatal;
  }
}
