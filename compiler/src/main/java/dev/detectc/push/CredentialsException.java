package dev.detectc.push;

/** Credentials are missing or unreadable; the message never contains a secret. */
public final class CredentialsException extends Exception {

  private static final long serialVersionUID = 1L;

  public CredentialsException(String message) {
    super(message);
  }
}
