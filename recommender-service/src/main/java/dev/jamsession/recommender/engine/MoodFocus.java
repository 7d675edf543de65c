package dev.jamsession.recommender.engine;

import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.catalog.Moods;
import dev.jamsession.core.catalog.Song;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

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

  private final int size;
  private final Map<Mood, Ranked> ranked = new HashMap<>();

  /** A mood's songs with features, best first; the first {@code inside} are in the mood. */
  private record Ranked(int[] songs, int inside) {}

  MoodFocus(Song[] songs) {
    size = songs.length;
    for (Mood mood : Moods.ALL) {
      double[] distance = new double[size];
      boolean[] in = new boolean[size];
      for (int i = 0; i < size; i++) {
        distance[i] = mood.distance(songs[i]);
        in[i] = mood.contains(songs[i]);
      }
      int[] order = IntStream.range(0, size).filter(i -> songs[i].features() != null).boxed()
          .sorted(Comparator.comparing((Integer i) -> !in[i])
              .thenComparingDouble(i -> distance[i]).thenComparingInt(i -> i))
          .mapToInt(Integer::intValue).toArray();
      ranked.put(mood, new Ranked(order, (int) IntStream.of(order).filter(i -> in[i]).count()));
    }
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
