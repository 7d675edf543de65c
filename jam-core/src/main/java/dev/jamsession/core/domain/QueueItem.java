package dev.jamsession.core.domain;

import dev.jamsession.core.catalog.Song;
import java.util.HashMap;
import java.util.Map;

/**
 * A queued song with its votes (participant id to +1 or -1). {@code seq} breaks ties between
 * items added in the same millisecond so the order is total. {@code round} is how many songs its
 * adder had added to the jam before it, fixed when it was added: the fair queue's turn (§11).
 */
public record QueueItem(String id, Song song, String addedById, String addedBy, long addedAt,
                        long seq, Map<String, Integer> votes, int round) {

  public QueueItem {
    votes = Map.copyOf(votes);
  }

  public int score() {
    return up() - down();
  }

  public int up() {
    return count(1);
  }

  public int down() {
    return count(-1);
  }

  /** A plain loop: sorting the queue asks for scores many times per command. */
  private int count(int sign) {
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
