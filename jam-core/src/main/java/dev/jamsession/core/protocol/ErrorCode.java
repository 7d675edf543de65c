package dev.jamsession.core.protocol;

/** The reply codes of PROTOCOL §3, each with the HTTP status the REST API maps it to. */
public enum ErrorCode {
  INVALID_INPUT(400),
  PAYLOAD_TOO_LARGE(413),
  NOT_FOUND(404),
  NOT_JOINED(403),
  NOT_HOST(403),
  NOT_OWNER(403),
  QUEUE_FULL(409),
  DUPLICATE_SONG(409),
  UNKNOWN_SONG(404),
  ITEM_NOT_FOUND(404),
  VOTING_DISABLED(409),
  SESSION_FULL(409),
  INVALID_TOKEN(403),
  RATE_LIMITED(429),
  UNAVAILABLE(503),
  INTERNAL(500),
  /** A participant already has as many songs queued as the jam allows (PROTOCOL §11). */
  PERSON_LIMIT(409),
  /** The jam's rules refuse this (a song too long or of a blocked genre, reactions off: §11, §12). */
  NOT_ALLOWED(403);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The code named by a reply, or INTERNAL for anything this version does not know. */
  public static ErrorCode parse(String name) {
    try {
      return name == null ? INTERNAL : valueOf(name);
    } catch (IllegalArgumentException e) {
      return INTERNAL;
    }
  }
}
