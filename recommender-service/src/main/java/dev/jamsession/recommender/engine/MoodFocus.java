package dev.jamsession.recommender.engine;

import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.catalog.Moods;
import dev.jamsession.core.catalog.Song;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * How a room's mood (PROTOCOL §13) steers every strategy: by narrowing the songs they may offer
 * to the mood's songs, topped up with the songs nearest its region when fewer than
 * {@link #MIN_CHOICE} (or the answer's size) of them are left, so a mood that the room has played
 * through still leans its way. Songs without features are in no mood, so a catalog with too few
 * songs with features left is not narrowed at all. Built once per catalog: for each mood, its
 * songs ranked (those inside first, each part nearest the region's centre first).
 */
final class MoodFocus {
  /** The fewest songs a mood leaves the strategies to choose among. */
  static final int MIN_CHOICE = 20;

  private static final int INDEX_BITS = 31;
  private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
  private static final long OUTSIDE = 1L << 62;

  private final int size;
  private final Map<Mood, Ranked> ranked = new HashMap<>();

  /** A mood's songs with features, best first; the first {@code inside} are in the mood. */
  private record Ranked(int[] songs, int inside) {}

  MoodFocus(Song[] songs) {
    size = songs.length;
    for (Mood mood : Moods.ALL) {
      ranked.put(mood, rank(mood, songs));
    }
  }

  /**
   * Each song with features as one long, outside-the-mood bit, then its distance (a float's bits,
   * which order like the float for non-negative values), then its index: a primitive sort of
   * 100,000 of them takes milliseconds, where sorting boxed indices by a comparator took a
   * quarter of a second per catalog.
   */
  private static Ranked rank(Mood mood, Song[] songs) {
    long[] keys = new long[songs.length];
    int n = 0;
    int inside = 0;
    for (int i = 0; i < songs.length; i++) {
      if (songs[i].features() != null) {
        boolean in = mood.contains(songs[i]);
        inside += in ? 1 : 0;
        long distance = Float.floatToIntBits((float) mood.distance(songs[i]));
        keys[n++] = (in ? 0 : OUTSIDE) | distance << INDEX_BITS | i;
      }
    }
    long[] sorted = Arrays.copyOf(keys, n);
    Arrays.sort(sorted);
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = (int) (sorted[k] & INDEX_MASK);
    }
    return new Ranked(order, inside);
  }

  /**
   * Excludes, beside what {@code excluded} already holds, every song outside {@code mood}'s
   * choice for an answer of {@code limit} songs; a null mood changes nothing.
   */
  void narrow(BitSet excluded, Mood mood, int limit) {
    if (mood == null) {
      return;
    }
    Ranked r = ranked.get(mood);
    if (r == null) {
      throw new IllegalArgumentException("not one of Moods.ALL: " + mood.id());
    }
    int wanted = Math.max(limit, MIN_CHOICE);
    BitSet keep = new BitSet(size);
    int kept = 0;
    for (int i = 0; i < r.songs().length && (i < r.inside() || kept < wanted); i++) {
      int song = r.songs()[i];
      if (!excluded.get(song)) {
        keep.set(song);
        kept++;
      }
    }
    if (kept < wanted) {
      return; // too few songs with features left to steer by
    }
    keep.flip(0, size);
    excluded.or(keep);
  }
}
