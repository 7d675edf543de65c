package dev.jamsession.recommender.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a room's queue and history into one taste per present participant. When no present
 * participant has a signal yet but the room has some (say everyone who queued has dropped off
 * while autoplay goes on), the whole room's signals make one taste named "the room".
 */
final class TasteReader {
  static final String WHOLE_ROOM = "the room";

  private final CatalogIndex index;
  private final Map<String, Taste> present = new LinkedHashMap<>();
  private final Taste room = new Taste(WHOLE_ROOM);

  private TasteReader(CatalogIndex index, RoomSignals signals) {
    this.index = index;
    for (RoomSignals.Member m : signals.participants()) {
      if (m.present()) {
        present.putIfAbsent(m.id(), new Taste(m.name() == null ? "someone" : m.name()));
      }
    }
  }

  /** The tastes to represent, or none for a cold room. */
  static List<Taste> read(CatalogIndex index, RoomSignals signals) {
    TasteReader reader = new TasteReader(index, signals);
    for (RoomSignals.QueuedSong q : signals.queue()) {
      reader.song(q.songId(), q.addedBy(), q.votes(), Set.of());
    }
    for (RoomSignals.PlayedSong p : signals.history()) {
      reader.song(p.songId(), p.addedBy(), p.votes(), p.skippedBy());
    }
    List<Taste> tastes = reader.present.values().stream().filter(t -> !t.isEmpty()).toList();
    if (!tastes.isEmpty()) {
      return tastes;
    }
    return reader.room.isEmpty() ? List.of() : List.of(reader.room);
  }

  private void song(String songId, String addedBy, Map<String, Integer> votes,
                    Set<String> skippedBy) {
    int song = index.indexOf(songId);
    if (song < 0) {
      return; // gone from the catalog since it was queued
    }
    if (addedBy != null) {
      signal(addedBy, song, Signal.ADDED);
    }
    votes.forEach((who, value) -> {
      if (value != null && value != 0) {
        signal(who, song, value > 0 ? Signal.UPVOTED : Signal.DOWNVOTED);
      }
    });
    skippedBy.forEach(who -> signal(who, song, Signal.SKIPPED));
  }

  private void signal(String participantId, int song, Signal signal) {
    room.add(index, song, signal);
    Taste taste = present.get(participantId);
    if (taste != null) {
      taste.add(index, song, signal);
    }
  }
}
