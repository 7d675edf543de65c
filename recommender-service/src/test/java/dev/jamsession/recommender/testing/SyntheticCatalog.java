package dev.jamsession.recommender.testing;

import dev.jamsession.core.catalog.AudioFeatures;
import dev.jamsession.core.catalog.Song;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A made-up catalog with structure like a real one: each genre has a typical sound, each artist
 * plays one genre with a sound of their own near it, songs sit near their artist's sound, and
 * popularity follows the artist. A share of songs has no features, as in real catalogs.
 */
public final class SyntheticCatalog {
  private SyntheticCatalog() {}

  private static final String[] GENRES = {
      "Jazz", "Rock", "Metal", "Pop", "Folk", "Hip Hop", "Electronic", "Classical", "Blues",
      "Reggae", "Soul", "Country", "Punk", "Ambient", "Funk", "Latin", "Indie", "Techno"};
  private static final double MISSING_FEATURES = 0.1;

  public static List<Song> generate(int songs, int genres, int artists, long seed) {
    Random rnd = new Random(seed);
    double[][] genreSound = new double[genres][];
    for (int g = 0; g < genres; g++) {
      genreSound[g] = new double[5];
      for (int d = 0; d < 5; d++) {
        genreSound[g][d] = 0.15 + 0.7 * rnd.nextDouble();
      }
    }
    int[] artistGenre = new int[artists];
    double[][] artistSound = new double[artists][];
    double[] artistFame = new double[artists];
    for (int a = 0; a < artists; a++) {
      artistGenre[a] = rnd.nextInt(genres);
      artistSound[a] = near(genreSound[artistGenre[a]], 0.12, rnd);
      artistFame[a] = Math.pow(rnd.nextDouble(), 2);
    }
    List<Song> out = new ArrayList<>(songs);
    for (int i = 0; i < songs; i++) {
      int a = rnd.nextInt(artists);
      double[] p = near(artistSound[a], 0.08, rnd);
      AudioFeatures features = rnd.nextDouble() < MISSING_FEATURES ? null
          : new AudioFeatures(60 + 140 * p[0], p[1], p[2], p[3], p[4]);
      double popularity = Math.min(1, 0.7 * artistFame[a] + 0.3 * rnd.nextDouble());
      out.add(new Song("s" + i, "Song " + i, "Artist " + a, "Album " + a + "-" + (i % 5),
          genreName(artistGenre[a]), 1960 + rnd.nextInt(65), 180_000, "/audio/s" + i,
          features, popularity));
    }
    return out;
  }

  public static String genreName(int g) {
    return g < GENRES.length ? GENRES[g] : "Genre " + g;
  }

  private static double[] near(double[] center, double spread, Random rnd) {
    double[] p = new double[center.length];
    for (int d = 0; d < p.length; d++) {
      p[d] = Math.max(0, Math.min(1, center[d] + spread * rnd.nextGaussian()));
    }
    return p;
  }
}
