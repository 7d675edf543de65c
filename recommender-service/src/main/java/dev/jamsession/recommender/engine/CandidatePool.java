package dev.jamsession.recommender.engine;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The songs worth scoring for a room, drawn from the catalog indexes instead of scanning it:
 * every song by an artist someone liked, the most popular songs of each mood region of each
 * genre someone liked, and the most popular songs overall (for discovery). A few thousand
 * songs, however large the catalog.
 */
final class CandidatePool {
  private CandidatePool() {}

  private static final int GENRE_BUDGET = 1200;
  private static final int MIN_PER_CELL = 5;
  private static final int PER_ARTIST = 15;
  private static final int POPULAR = 200;

  static int[] gather(CatalogIndex index, RoomModel room, BitSet excluded) {
    Collector out = new Collector(excluded, index.size());
    for (int artist : room.likedArtists()) {
      out.takeFirst(index.songsByArtist(artist), PER_ARTIST);
    }
    int[] genres = room.likedGenres();
    int perCell = Math.max(MIN_PER_CELL,
        GENRE_BUDGET / Math.max(1, genres.length * FeatureSpace.REGIONS));
    for (int genre : genres) {
      for (int region = 0; region < FeatureSpace.REGIONS; region++) {
        out.takeFirst(index.songsIn(genre, region), perCell);
      }
    }
    out.takeFirst(index.byPopularity(), POPULAR);
    return out.toArray();
  }

  /** Collects distinct, allowed songs. */
  private static final class Collector {
    private final BitSet excluded;
    private final BitSet seen;
    private int[] songs = new int[1024];
    private int size;

    Collector(BitSet excluded, int catalogSize) {
      this.excluded = excluded;
      this.seen = new BitSet(catalogSize);
    }

    /** Adds the first {@code n} allowed songs of a list (most popular first). */
    void takeFirst(int[] list, int n) {
      int taken = 0;
      for (int i = 0; i < list.length && taken < n; i++) {
        int song = list[i];
        if (excluded.get(song)) {
          continue;
        }
        taken++;
        if (!seen.get(song)) {
          seen.set(song);
          if (size == songs.length) {
            songs = Arrays.copyOf(songs, size * 2);
          }
          songs[size++] = song;
        }
      }
    }

    int[] toArray() {
      return Arrays.copyOf(songs, size);
    }
  }
}
