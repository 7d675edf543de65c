package dev.jamsession.recommender.engine;

import dev.jamsession.core.catalog.AudioFeatures;

/**
 * Audio features as points in [0, 1]^5, a coarse mood grid over them (energy x valence, 3 x 3)
 * and a similarity kernel. The grid gives every song a "feature region" that votes can count
 * for or against, and lets candidates be drawn per genre and mood.
 */
final class FeatureSpace {
  private FeatureSpace() {}

  static final int DIMS = 5;
  /** Regions 0..8 are the mood grid; this one holds songs without features. */
  static final int NO_REGION = 9;
  static final int REGIONS = 10;

  private static final double MIN_TEMPO = 60;
  private static final double TEMPO_RANGE = 140;
  /** Squared distance at which similarity halves (a distance of 0.2). */
  private static final double HALF_SIMILARITY_D2 = 0.04;

  /** Writes the normalised point of {@code f} at {@code out[offset..offset+DIMS)}. */
  static void normalise(AudioFeatures f, float[] out, int offset) {
    out[offset] = (float) clamp((f.tempo() - MIN_TEMPO) / TEMPO_RANGE);
    out[offset + 1] = (float) clamp(f.energy());
    out[offset + 2] = (float) clamp(f.valence());
    out[offset + 3] = (float) clamp(f.danceability());
    out[offset + 4] = (float) clamp(f.acousticness());
  }

  static int region(AudioFeatures f) {
    if (f == null) {
      return NO_REGION;
    }
    return third(f.energy()) * 3 + third(f.valence());
  }

  /**
   * 1 for the same point, 1/2 at distance 0.2, 1/5 at 0.4: sharp near a taste, so close songs
   * are told apart, with a long tail, so a distant taste still pulls a little.
   */
  static double similarity(double squaredDistance) {
    return 1 / (1 + squaredDistance / HALF_SIMILARITY_D2);
  }

  private static int third(double v) {
    return Math.min(2, (int) (clamp(v) * 3));
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 0.5 : Math.max(0, Math.min(1, v));
  }
}
