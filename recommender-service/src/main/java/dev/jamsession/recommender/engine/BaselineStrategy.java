package dev.jamsession.recommender.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The original design's formula, kept for comparison: count genres and artists over the queue
 * and history, score every other song genreFreq x 3 + artistFreq x 2 + random x 2, take the top.
 * It ignores who liked what, votes and skips.
 */
public final class BaselineStrategy implements Strategy {
  public static final String NAME = "baseline";

  private final CatalogIndex index;

  BaselineStrategy(CatalogIndex index) {
    this.index = index;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Recommendation> recommend(RoomSignals room) {
    int[] genreFreq = new int[index.genreCount()];
    int[] artistFreq = new int[index.artistCount()];
    room.queue().forEach(q -> count(q.songId(), genreFreq, artistFreq));
    room.history().forEach(p -> count(p.songId(), genreFreq, artistFreq));
    BitSet excluded = Excluded.songs(index, room);
    TopK top = new TopK(room.limit());
    for (int song = 0; song < index.size(); song++) {
      if (!excluded.get(song)) {
        top.offer(song, genreFreq[index.genreOf(song)] * 3 + artistFreq[index.artistOf(song)] * 2
            + Noise.unit(room.seed(), song) * 2);
      }
    }
    List<Recommendation> out = new ArrayList<>(top.size());
    for (int r = 0; r < top.size(); r++) {
      int song = top.song(r);
      out.add(new Recommendation(index.song(song), top.score(r),
          List.of(reason(genreFreq[index.genreOf(song)], artistFreq[index.artistOf(song)]))));
    }
    return out;
  }

  private void count(String songId, int[] genreFreq, int[] artistFreq) {
    int song = index.indexOf(songId);
    if (song >= 0) {
      genreFreq[index.genreOf(song)]++;
      artistFreq[index.artistOf(song)]++;
    }
  }

  private static String reason(int genreCount, int artistCount) {
    if (artistCount > 0) {
      return "Same artist as songs in the queue";
    }
    return genreCount > 0 ? "Same genre as songs in the queue" : "A random pick";
  }
}
