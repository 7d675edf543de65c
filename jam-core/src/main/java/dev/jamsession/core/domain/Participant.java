package dev.jamsession.core.domain;


/**
 * A member of a jam. {@code resumeToken} and {@code connectionId} never leave the server except
 * the token in its owner's own snapshot.
 */
public record Participant(String id, String name, long joinedAt, boolean connected,
                          long disconnectedAt, String resumeToken, String connectionId) {

  /** Whether {@code connection} is this participant's live connection. */
  public boolean isLiveOn(String connection) {
    return connected && connection != null && connection.equals(connectionId);
  }

  public Participant reconnected(String newConnectionId) {
    return new Participant(id, name, joinedAt, true, 0, resumeToken, newConnectionId);
  }

  public Participant disconnected(long now) {
    return new Participant(id, name, joinedAt, false, now, resumeToken, connectionId);
  }
}
