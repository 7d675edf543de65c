package dev.jamsession.core.domain;

import dev.jamsession.core.catalog.Song;
import java.util.HashMap;
import java.util.Map;

/**
 * A queued song with its votes (participant id to +1 or -1). {@code seq} breaks ties between
 * items added in the same millisecond so the order is total. {@code round} is how many songs its
 * adder had added to the jam before it, fixed when it was added: the fair queue's turn (§11).
 * {@code up} and {@code down} are counted from {@code votes} here, whatever is passed for them:
 * every command sorts the queue and renders every item's counts, so they are counted once.
 */
public record QueueItem(String id, Song song, String addedById, String addedBy, long addedAt,
                        long seq, Map<String, Integer> votes, int round, int up, int down) {

  public QueueItem {
    votes = Map.copyOf(votes);
    up = count(votes, 1);
    down = count(votes, -1);
  }

  public QueueItem(String id, Song song, String addedById, String addedBy, long addedAt, long seq,
                   Map<String, Integer> votes, int round) {
    this(id, song, addedById, addedBy, addedAt, seq, votes, round, 0, 0);
  }

  public int score() {
    return up - down;
  }

  private static int count(Map<String, Integer> votes, int sign) {
    int n = 0;
    for (int v : votes.values()) {
      if (Integer.signum(v) == sign) {
        n++;
      }
    }
    return n;
  }

  /** This item with {@code participantId}'s vote set to {@code value}; 0 withdraws it. */
  public QueueItem withVote(String participantId, int value) {
    Map<String, Integer> next = new HashMap<>(votes);
    if (value == 0) {
      next.remove(participantId);
    } else {
      next.put(participantId, value);
    }
    return new QueueItem(id, song, addedById, addedBy, addedAt, seq, next, round);
  }
}
