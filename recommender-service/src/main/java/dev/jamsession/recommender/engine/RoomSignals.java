package dev.jamsession.recommender.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the recommender learns about a room, as the session side gathers it: who is there,
 * what is queued and what was played (with who added it, each participant's vote and who voted to
 * skip), the song playing now, how many songs to return and the seed of the little randomness.
 */
public record RoomSignals(List<Member> participants, List<QueuedSong> queue,
                          List<PlayedSong> history, String currentSongId, int limit, long seed) {

  public RoomSignals {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    participants = List.copyOf(participants);
    queue = List.copyOf(queue);
    history = List.copyOf(history);
  }

  /** A participant; only present ones have their taste represented. */
  public record Member(String id, String name, boolean present) {}

  /** A queued song; {@code votes} maps participant id to +1 or -1, {@code addedBy} may be null. */
  public record QueuedSong(String songId, String addedBy, Map<String, Integer> votes) {
    public QueuedSong {
      votes = Map.copyOf(votes);
    }
  }

  /** A recently played song, with the votes it had and who voted to skip it. */
  public record PlayedSong(String songId, String addedBy, Map<String, Integer> votes,
                           Set<String> skippedBy) {
    public PlayedSong {
      votes = Map.copyOf(votes);
      skippedBy = Set.copyOf(skippedBy);
    }
  }
}
