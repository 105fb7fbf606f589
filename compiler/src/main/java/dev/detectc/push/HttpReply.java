package dev.detectc.push;

import java.net.http.HttpHeaders;
import java.util.Objects;

/** A SIEM's answer to one request, after retries: status, headers, body and how many attempts it took. */
public record HttpReply(int status, HttpHeaders headers, String body, int attempts) {

  public HttpReply {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }
}
