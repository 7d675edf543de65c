package dev.jamsession.recommender.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A room with no signals yet gets popular songs, spread over genres and artists: each pick is
 * the most popular remaining song after discounting genres already picked, so the first answer
 * samples the catalog's best-known sounds rather than one genre's hits or random noise.
 */
final class ColdStart {
  private ColdStart() {}

  static final String REASON = "Popular right now";
  private static final int POOL_FACTOR = 10;
  private static final double SAME_GENRE_DISCOUNT = 0.6;
  private static final double NOISE = 0.05;

  static List<Recommendation> recommend(CatalogIndex index, BitSet excluded, int limit,
                                        long seed) {
    int[] pool = popularAllowed(index, excluded, limit * POOL_FACTOR);
    boolean[] used = new boolean[pool.length];
    Map<Integer, Integer> perGenre = new HashMap<>();
    int[] picked = new int[Math.min(limit, pool.length)];
    List<Recommendation> out = new ArrayList<>(picked.length);
    while (out.size() < picked.length) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < pool.length; i++) {
        int song = pool[i];
        if (used[i] || !ArtistCap.allows(index, picked, out.size(), song)) {
          continue;
        }
        double value = index.popularity(song)
            * Math.pow(SAME_GENRE_DISCOUNT, perGenre.getOrDefault(index.genreOf(song), 0))
            + NOISE * Noise.unit(seed, song);
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      }
      if (best < 0) {
        break; // the few songs left are all by artists already picked twice
      }
      used[best] = true;
      int song = pool[best];
      picked[out.size()] = song;
      perGenre.merge(index.genreOf(song), 1, Integer::sum);
      out.add(new Recommendation(index.song(song), bestValue, List.of(REASON)));
    }
    return out;
  }

  private static int[] popularAllowed(CatalogIndex index, BitSet excluded, int n) {
    int[] out = new int[n];
    int size = 0;
    for (int song : index.byPopularity()) {
      if (size == n) {
        break;
      }
      if (!excluded.get(song)) {
        out[size++] = song;
      }
    }
    return Arrays.copyOf(out, size);
  }
}
