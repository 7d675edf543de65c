package dev.jamsession.core.domain;

/**
 * A member of a jam. {@code resumeToken} and {@code connectionId} never leave the server except
 * the token in its owner's own snapshot. {@code songsAdded} counts every song they added to the
 * jam (played, removed or still queued): the round of their next one (§11 fairQueue).
 */
public record Participant(String id, String name, long joinedAt, boolean connected,
                          long disconnectedAt, String resumeToken, String connectionId,
                          int songsAdded) {

  /** Whether {@code connection} is this participant's live connection. */
  public boolean isLiveOn(String connection) {
    return connected && connection != null && connection.equals(connectionId);
  }

  public Participant reconnected(String newConnectionId) {
    return new Participant(id, name, joinedAt, true, 0, resumeToken, newConnectionId, songsAdded);
  }

  public Participant disconnected(long now) {
    return new Participant(id, name, joinedAt, false, now, resumeToken, connectionId, songsAdded);
  }

  public Participant withSongAdded() {
    return new Participant(id, name, joinedAt, connected, disconnectedAt, resumeToken, connectionId,
        songsAdded + 1);
  }
}
