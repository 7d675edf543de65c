package dev.jamsession.recommender.engine;

import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.domain.SongRules;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the recommender learns about a room, as the session side gathers it: who is there,
 * what is queued and what was played (with who added it, each participant's vote and who voted to
 * skip), the song playing now, how many songs to return, the seed of the little randomness,
 * the jam's rules about songs: what they refuse is never recommended (PROTOCOL §11), and the
 * mood to prefer (§13; null for none).
 */
public record RoomSignals(List<Member> participants, List<QueuedSong> queue,
                          List<PlayedSong> history, String currentSongId, int limit, long seed,
                          SongRules rules, Mood mood) {

  /** Signals of a room whose jam refuses no song and has no mood. */
  public RoomSignals(List<Member> participants, List<QueuedSong> queue, List<PlayedSong> history,
                     String currentSongId, int limit, long seed) {
    this(participants, queue, history, currentSongId, limit, seed, SongRules.NONE, null);
  }

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
