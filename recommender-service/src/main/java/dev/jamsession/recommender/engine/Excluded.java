package dev.jamsession.recommender.engine;

import java.util.BitSet;

/** The songs no answer may contain: the current one, the queued ones and the recently played. */
final class Excluded {
  private Excluded() {}

  static BitSet songs(CatalogIndex index, RoomSignals room) {
    BitSet out = new BitSet(index.size());
    mark(out, index, room.currentSongId());
    room.queue().forEach(q -> mark(out, index, q.songId()));
    room.history().forEach(p -> mark(out, index, p.songId()));
    return out;
  }

  private static void mark(BitSet out, CatalogIndex index, String songId) {
    int song = index.indexOf(songId);
    if (song >= 0) {
      out.set(song);
    }
  }
}
