package dev.jamsession.recommender.eval;

import dev.jamsession.core.catalog.AudioFeatures;
import dev.jamsession.core.catalog.Song;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A simulated listener with a hidden taste: two favourite genres, two disliked ones, three
 * favourite artists and a preferred sound. They upvote songs whose utility is high, downvote
 * songs whose utility is low and ignore the rest. The recommender sees only their votes.
 */
record Listener(String id, String name, Set<String> likedGenres, Set<String> dislikedGenres,
                Set<String> favouriteArtists, double[] sound, long noiseSeed) {
  private static final double LIKE_ABOVE = 0.9;
  private static final double DISLIKE_BELOW = -0.35;
  private static final double SOUND_WIDTH2 = 2 * 0.25 * 0.25;

  /** A random listener over a catalog described by its genres' songs. */
  static Listener random(int n, Map<String, List<Song>> songsByGenre, Random rnd) {
    List<String> genres = new ArrayList<>(songsByGenre.keySet());
    Collections.shuffle(genres, rnd);
    Set<String> liked = Set.of(genres.get(0), genres.get(1));
    Set<String> disliked = Set.of(genres.get(2), genres.get(3));
    List<String> likedArtists = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      List<Song> pool = songsByGenre.get(genres.get(i % 2));
      likedArtists.add(pool.get(rnd.nextInt(pool.size())).artist());
    }
    double[] sound = meanSound(songsByGenre.get(genres.get(rnd.nextInt(2))));
    for (int d = 0; d < sound.length; d++) {
      sound[d] = Math.max(0, Math.min(1, sound[d] + 0.15 * rnd.nextGaussian()));
    }
    return new Listener("p" + n, "Listener " + n, liked, disliked, Set.copyOf(likedArtists),
        sound, rnd.nextLong());
  }

  boolean likes(Song s) {
    return utility(s) > LIKE_ABOVE;
  }

  boolean dislikes(Song s) {
    return utility(s) < DISLIKE_BELOW;
  }

  double utility(Song s) {
    double u = 0;
    if (likedGenres.contains(s.genre())) {
      u += 1;
    }
    if (dislikedGenres.contains(s.genre())) {
      u -= 1.2;
    }
    if (favouriteArtists.contains(s.artist())) {
      u += 1;
    }
    u += soundMatch(s.features()) - 0.4;
    u += 0.15 * (s.popularity() - 0.5);
    return u + 0.2 * gaussianFor(s.id());
  }

  private double soundMatch(AudioFeatures f) {
    if (f == null) {
      return 0.4;
    }
    double[] p = point(f);
    double d2 = 0;
    for (int d = 0; d < p.length; d++) {
      d2 += (p[d] - sound[d]) * (p[d] - sound[d]);
    }
    return Math.exp(-d2 / SOUND_WIDTH2);
  }

  /** The same listener always feels the same about a song. */
  private double gaussianFor(String songId) {
    return new Random(noiseSeed ^ songId.hashCode()).nextGaussian();
  }

  private static double[] meanSound(List<Song> songs) {
    double[] sum = new double[5];
    int n = 0;
    for (Song s : songs) {
      if (s.features() != null) {
        double[] p = point(s.features());
        for (int d = 0; d < p.length; d++) {
          sum[d] += p[d];
        }
        n++;
      }
    }
    for (int d = 0; d < sum.length; d++) {
      sum[d] = n == 0 ? 0.5 : sum[d] / n;
    }
    return sum;
  }

  private static double[] point(AudioFeatures f) {
    return new double[] {(f.tempo() - 60) / 140, f.energy(), f.valence(), f.danceability(),
        f.acousticness()};
  }
}
