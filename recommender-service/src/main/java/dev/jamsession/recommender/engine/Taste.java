package dev.jamsession.recommender.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * One listener's signals summed by genre, artist, mood region and feature point: likes push a
 * weight up, downvotes and skips push it down. Built per request, then compacted into a
 * {@link RoomModel}.
 */
final class Taste {
  final String name;
  final Map<Integer, Double> genres = new HashMap<>();
  final Map<Integer, Double> artists = new HashMap<>();
  /** Per genre, the bits of the positive signals that touched it, to word reasons. */
  final Map<Integer, Integer> genreSignals = new HashMap<>();
  final double[] regions = new double[FeatureSpace.REGIONS];
  final double[] likedSum = new double[FeatureSpace.DIMS];
  final double[] dislikedSum = new double[FeatureSpace.DIMS];
  double likedMass;
  double dislikedMass;
  private boolean empty = true;

  Taste(String name) {
    this.name = name;
  }

  void add(CatalogIndex index, int song, Signal signal) {
    double w = signal.weight;
    empty = false;
    int genre = index.genreOf(song);
    genres.merge(genre, w, Double::sum);
    artists.merge(index.artistOf(song), w, Double::sum);
    if (w > 0) {
      genreSignals.merge(genre, signal.bit(), (a, b) -> a | b);
    }
    regions[index.regionOf(song)] += w;
    if (index.hasFeatures(song)) {
      float[] points = index.points();
      int at = song * FeatureSpace.DIMS;
      double[] sum = w > 0 ? likedSum : dislikedSum;
      for (int d = 0; d < FeatureSpace.DIMS; d++) {
        sum[d] += Math.abs(w) * points[at + d];
      }
      if (w > 0) {
        likedMass += w;
      } else {
        dislikedMass -= w;
      }
    }
  }

  boolean isEmpty() {
    return empty;
  }
}
