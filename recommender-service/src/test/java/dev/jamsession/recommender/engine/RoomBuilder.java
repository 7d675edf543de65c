package dev.jamsession.recommender.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds {@link RoomSignals} for tests in a few readable lines. */
final class RoomBuilder {
  private final List<RoomSignals.Member> members = new ArrayList<>();
  private final List<RoomSignals.QueuedSong> queue = new ArrayList<>();
  private final List<RoomSignals.PlayedSong> history = new ArrayList<>();
  private String current;

  RoomBuilder present(String id, String name) {
    members.add(new RoomSignals.Member(id, name, true));
    return this;
  }

  RoomBuilder absent(String id, String name) {
    members.add(new RoomSignals.Member(id, name, false));
    return this;
  }

  RoomBuilder queued(String songId, String addedBy, Map<String, Integer> votes) {
    queue.add(new RoomSignals.QueuedSong(songId, addedBy, votes));
    return this;
  }

  RoomBuilder queued(String songId, String addedBy) {
    return queued(songId, addedBy, Map.of());
  }

  RoomBuilder played(String songId, String addedBy, Map<String, Integer> votes,
                     Set<String> skippedBy) {
    history.add(new RoomSignals.PlayedSong(songId, addedBy, votes, skippedBy));
    return this;
  }

  RoomBuilder current(String songId) {
    current = songId;
    return this;
  }

  RoomSignals build(int limit, long seed) {
    return new RoomSignals(members, queue, history, current, limit, seed);
  }
}
