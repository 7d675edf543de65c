package dev.jamsession.core.domain;

import java.io.Serializable;

/**
 * A member of a jam. {@code resumeToken} and {@code connectionId} never leave the server except
 * the token in its owner's own snapshot.
 */
public record Participant(String id, String name, long joinedAt, boolean connected,
                          long disconnectedAt, String resumeToken, String connectionId)
    implements Serializable {

  public Participant reconnected(String newConnectionId) {
    return new Participant(id, name, joinedAt, true, 0, resumeToken, newConnectionId);
  }

  public Participant disconnected(long now) {
    return new Participant(id, name, joinedAt, false, now, resumeToken, connectionId);
  }
}
