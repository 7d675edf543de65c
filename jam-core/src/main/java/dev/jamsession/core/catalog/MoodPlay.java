package dev.jamsession.core.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A mood's listening sequence (GET /api/mood-play): the songs most typical of the mood, then
 * ordered so that neighbours are close in tempo and energy and no artist plays twice in a row.
 */
public final class MoodPlay {
  /** One step of 20 BPM weighs as much as 0.1 of energy when comparing neighbours. */
  private static final double BPM_PER_ENERGY = 200;

  private MoodPlay() {}

  /** Exactly min(limit, songs in the mood) songs, in listening order. */
  public static List<Song> sequence(Mood mood, List<Song> catalog, int limit) {
    List<Song> chosen = catalog.stream()
        .filter(mood::contains)
        .sorted(Comparator.comparingDouble(mood::distance).thenComparing(Song::id))
        .limit(limit)
        .toList();
    return order(chosen);
  }

  /**
   * Greedy nearest neighbour from the calmest song, never taking the previous song's artist
   * while another artist is left; a song that could only follow its own artist is slotted in
   * later between two others, so repeats happen only when one artist is all that remains.
   */
  static List<Song> order(List<Song> songs) {
    List<Song> left = new ArrayList<>(songs);
    left.sort(Comparator.comparingDouble((Song s) -> s.features().energy()).thenComparing(Song::id));
    List<Song> out = new ArrayList<>(songs.size());
    List<Song> stuck = new ArrayList<>();
    while (!left.isEmpty()) {
      Song previous = out.isEmpty() ? null : out.get(out.size() - 1);
      Song next = null;
      for (Song candidate : left) {
        if (previous != null && candidate.artist().equals(previous.artist())) {
          continue;
        }
        if (next == null || gap(previous, candidate) < gap(previous, next)) {
          next = candidate;
        }
      }
      if (next == null) {
        stuck.addAll(left);
        break;
      }
      left.remove(next);
      out.add(next);
    }
    stuck.forEach(song -> insertApart(out, song));
    return out;
  }

  private static void insertApart(List<Song> out, Song song) {
    for (int i = 0; i <= out.size(); i++) {
      boolean afterOk = i == 0 || !out.get(i - 1).artist().equals(song.artist());
      boolean beforeOk = i == out.size() || !out.get(i).artist().equals(song.artist());
      if (afterOk && beforeOk) {
        out.add(i, song);
        return;
      }
    }
    out.add(song);
  }

  private static double gap(Song a, Song b) {
    if (a == null) {
      return 0;
    }
    double dt = (a.features().tempo() - b.features().tempo()) / BPM_PER_ENERGY;
    double de = a.features().energy() - b.features().energy();
    return Math.sqrt(dt * dt + de * de);
  }
}
