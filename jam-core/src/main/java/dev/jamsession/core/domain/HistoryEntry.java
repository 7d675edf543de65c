package dev.jamsession.core.domain;

import dev.jamsession.core.catalog.Song;
import java.util.Map;
import java.util.Set;

/**
 * A song that was played, newest first in a jam's history. It keeps the votes the song had in
 * the queue and who voted to skip it: the recommender learns the room's taste from both.
 */
public record HistoryEntry(Song song, String addedBy, String addedById, long playedAt,
                           Map<String, Integer> votes, Set<String> skippedBy) {
  public HistoryEntry {
    votes = Map.copyOf(votes);
    skippedBy = Set.copyOf(skippedBy);
  }
}
