package dev.jamsession.core.protocol;

/** A refusal with its protocol code and a sentence a person can read. */
public class JamException extends RuntimeException {
  private final ErrorCode code;

  public JamException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
