package dev.jamsession.recommender.engine;

import dev.jamsession.core.domain.SongRules;
import java.util.BitSet;

/**
 * The songs no answer may contain: the current one, the queued ones, the recently played,
 * those the jam's rules refuse (PROTOCOL §11: too long, or of a blocked genre), and, when the
 * room has a mood, those outside its choice ({@link MoodFocus}).
 */
final class Excluded {
  private Excluded() {}

  static BitSet songs(CatalogIndex index, RoomSignals room) {
    BitSet out = new BitSet(index.size());
    mark(out, index, room.currentSongId());
    room.queue().forEach(q -> mark(out, index, q.songId()));
    room.history().forEach(p -> mark(out, index, p.songId()));
    refused(out, index, room.rules());
    index.moodFocus().narrow(out, room.mood(), room.limit());
    return out;
  }

  /** Genres are decided once per genre, not per song; a catalog of 100,000 costs one pass. */
  private static void refused(BitSet out, CatalogIndex index, SongRules rules) {
    if (rules.isNone()) {
      return;
    }
    boolean[] blocked = new boolean[index.genreCount()];
    for (int g = 0; g < blocked.length; g++) {
      blocked[g] = rules.blocksGenre(index.genreName(g));
    }
    for (int song = 0; song < index.size(); song++) {
      if (blocked[index.genreOf(song)] || rules.tooLong(index.song(song).durationMs())) {
        out.set(song);
      }
    }
  }

  private static void mark(BitSet out, CatalogIndex index, String songId) {
    int song = index.indexOf(songId);
    if (song >= 0) {
      out.set(song);
    }
  }
}
