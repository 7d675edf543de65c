package dev.jamsession.catalog;

import java.io.IOException;

/** The audio cannot be prepared now (the demo renderer is full); ask again after a while. */
public final class AudioBusyException extends IOException {
  private final int retryAfterSeconds;

  public AudioBusyException(int retryAfterSeconds) {
    super("The server is preparing other songs; try again in " + retryAfterSeconds + " s");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
