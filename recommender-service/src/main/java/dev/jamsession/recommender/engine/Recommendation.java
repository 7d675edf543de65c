package dev.jamsession.recommender.engine;

import dev.jamsession.core.catalog.Song;
import java.util.List;

/** One suggested song: higher scores rank first within one answer; reasons are short sentences. */
public record Recommendation(Song song, double score, List<String> reasons) {
  public Recommendation {
    reasons = List.copyOf(reasons);
  }
}
