package dev.jamsession.recommender.engine;

/**
 * The k best (song, score) pairs seen, best first, without boxing. Offers that tie the worst kept
 * score lose, so the earlier of two equal songs wins and answers are deterministic.
 */
final class TopK {
  private final int[] songs;
  private final double[] scores;
  private int size;

  TopK(int k) {
    songs = new int[k];
    scores = new double[k];
  }

  void offer(int song, double score) {
    int k = songs.length;
    if (size == k && score <= scores[k - 1]) {
      return;
    }
    int at = size < k ? size++ : k - 1;
    while (at > 0 && scores[at - 1] < score) {
      songs[at] = songs[at - 1];
      scores[at] = scores[at - 1];
      at--;
    }
    songs[at] = song;
    scores[at] = score;
  }

  int size() {
    return size;
  }

  int song(int rank) {
    return songs[rank];
  }

  double score(int rank) {
    return scores[rank];
  }
}
