package dev.jamsession.recommender.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Picks the answer one song at a time, each time the song with the largest gain for the room.
 * A member's liking counts less the more they have been served already (1 / (1 + served)), so
 * after a song for the loudest taste the next pick leans to whoever has had least: greedy
 * coverage with diminishing returns. Dislikes always count, at half weight, so a song one member
 * loves is not ruled out by another's mild dislike. Popularity and seeded noise break near-ties.
 *
 * <p>Gains only fall as members are served, so a gain computed earlier bounds the gain now: the
 * selection is lazy, re-scoring a song only when its old gain is at the top of a heap (the
 * classic lazy greedy), which keeps large answers cheap.
 */
final class FairSelector {
  /** A member score from which a song counts as fully serving them. */
  static final double LIKE_LEVEL = 1.5;
  private static final double DISLIKE_WEIGHT = 0.5;
  private static final double POPULARITY_WEIGHT = 0.3;

  /** A chosen shortlist row and its gain when chosen. */
  record Pick(int row, double gain) {}

  private final CatalogIndex index;
  private final Shortlist list;
  private final double[] base;
  private final double[] appetite;
  private final double[] served;
  /** Each row's gain when last computed, and the pick it was computed for. */
  private final double[] gain;
  private final int[] computedAt;
  private final PriorityQueue<Integer> heap;
  private final int[] picked;
  private int count;

  private FairSelector(CatalogIndex index, Shortlist list, int limit, long seed) {
    this.index = index;
    this.list = list;
    int rows = list.songs.length;
    int members = rows == 0 ? 0 : list.scores[0].length;
    base = new double[rows];
    appetite = new double[members];
    Arrays.fill(appetite, 1);
    served = new double[members];
    gain = new double[rows];
    computedAt = new int[rows];
    heap = new PriorityQueue<>(Math.max(1, rows), (a, b) -> gain[a] != gain[b]
        ? Double.compare(gain[b], gain[a]) : Integer.compare(a, b));
    picked = new int[Math.min(limit, rows)];
    for (int i = 0; i < rows; i++) {
      int song = list.songs[i];
      double dislike = 0;
      for (double s : list.scores[i]) {
        dislike += Math.min(0, s);
      }
      base[i] = DISLIKE_WEIGHT * dislike + POPULARITY_WEIGHT * index.popularity(song)
          + Shortlist.NOISE * Noise.unit(seed, song);
      gain[i] = base[i] + liking(list.scores[i]);
      heap.add(i);
    }
  }

  static List<Pick> select(CatalogIndex index, Shortlist list, int limit, long seed) {
    FairSelector selector = new FairSelector(index, list, limit, seed);
    List<Pick> picks = new ArrayList<>(selector.picked.length);
    while (selector.count < selector.picked.length) {
      int row = selector.next();
      picks.add(new Pick(row, selector.gain[row]));
      selector.take(row);
    }
    return picks;
  }

  /** The row of largest current gain that the artist cap allows, else the largest overall. */
  private int next() {
    List<Integer> capped = new ArrayList<>();
    int chosen = -1;
    while (!heap.isEmpty()) {
      int row = heap.poll();
      if (computedAt[row] < count) {
        gain[row] = base[row] + liking(list.scores[row]);
        computedAt[row] = count;
        heap.add(row);
      } else if (ArtistCap.allows(index, picked, count, list.songs[row])) {
        chosen = row;
        break;
      } else {
        capped.add(row);
      }
    }
    if (chosen < 0) {
      // Only songs of capped artists are left: variety yields to a full answer.
      chosen = capped.remove(0);
    }
    heap.addAll(capped);
    return chosen;
  }

  private void take(int row) {
    picked[count++] = list.songs[row];
    double[] scores = list.scores[row];
    for (int m = 0; m < scores.length; m++) {
      served[m] += Math.min(1, Math.max(0, scores[m]) / LIKE_LEVEL);
      appetite[m] = 1 / (1 + served[m]);
    }
  }

  /** The members' liking of a song, each weighted by how much they still want to be served. */
  private double liking(double[] scores) {
    double sum = 0;
    for (int m = 0; m < scores.length; m++) {
      if (scores[m] > 0) {
        sum += scores[m] * appetite[m];
      }
    }
    return sum;
  }
}
