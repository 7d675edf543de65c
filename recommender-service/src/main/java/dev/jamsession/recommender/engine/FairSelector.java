package dev.jamsession.recommender.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks the answer one song at a time, each time the song with the largest gain for the room.
 * A member's liking counts less the more they have been served already (1 / (1 + served)), so
 * after a song for the loudest taste the next pick leans to whoever has had least: greedy
 * coverage with diminishing returns. Dislikes always count, at half weight, so a song one member
 * loves is not ruled out by another's mild dislike. Popularity and seeded noise break near-ties.
 */
final class FairSelector {
  private FairSelector() {}

  /** A member score from which a song counts as fully serving them. */
  static final double LIKE_LEVEL = 1.5;
  private static final double DISLIKE_WEIGHT = 0.5;
  private static final double POPULARITY_WEIGHT = 0.3;

  /** A chosen shortlist row and its gain when chosen. */
  record Pick(int row, double gain) {}

  static List<Pick> select(CatalogIndex index, Shortlist list, int limit, long seed) {
    int rows = list.songs.length;
    int members = list.scores.length == 0 ? 0 : list.scores[0].length;
    double[] base = new double[rows];
    for (int i = 0; i < rows; i++) {
      int song = list.songs[i];
      double dislike = 0;
      for (double s : list.scores[i]) {
        dislike += Math.min(0, s);
      }
      base[i] = DISLIKE_WEIGHT * dislike + POPULARITY_WEIGHT * index.popularity(song)
          + Shortlist.NOISE * Noise.unit(seed, song);
    }
    double[] appetite = new double[members];
    Arrays.fill(appetite, 1);
    double[] served = new double[members];
    boolean[] used = new boolean[rows];
    int[] picked = new int[Math.min(limit, rows)];
    List<Pick> picks = new ArrayList<>(picked.length);
    while (picks.size() < picked.length) {
      int best = -1;
      int bestIgnoringCap = -1;
      double bestGain = Double.NEGATIVE_INFINITY;
      double bestGainIgnoringCap = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < rows; i++) {
        if (used[i]) {
          continue;
        }
        double gain = base[i] + liking(list.scores[i], appetite);
        if (gain > bestGainIgnoringCap) {
          bestGainIgnoringCap = gain;
          bestIgnoringCap = i;
        }
        if (gain > bestGain && ArtistCap.allows(index, picked, picks.size(), list.songs[i])) {
          bestGain = gain;
          best = i;
        }
      }
      if (best < 0) {
        // Only songs of capped artists are left: variety yields to a full answer.
        best = bestIgnoringCap;
        bestGain = bestGainIgnoringCap;
      }
      used[best] = true;
      picked[picks.size()] = list.songs[best];
      picks.add(new Pick(best, bestGain));
      double[] row = list.scores[best];
      for (int m = 0; m < members; m++) {
        served[m] += Math.min(1, Math.max(0, row[m]) / LIKE_LEVEL);
        appetite[m] = 1 / (1 + served[m]);
      }
    }
    return picks;
  }

  /** The members' liking of a song, each weighted by how much they still want to be served. */
  private static double liking(double[] scores, double[] appetite) {
    double sum = 0;
    for (int m = 0; m < scores.length; m++) {
      if (scores[m] > 0) {
        sum += scores[m] * appetite[m];
      }
    }
    return sum;
  }
}
