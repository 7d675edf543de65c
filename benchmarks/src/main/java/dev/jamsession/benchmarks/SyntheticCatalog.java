package dev.jamsession.benchmarks;

import dev.jamsession.core.catalog.AudioFeatures;
import dev.jamsession.core.catalog.Song;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A large catalog shaped like a real one: a vocabulary of tens of thousands of invented words
 * used with a Zipf distribution (a few words in thousands of titles, most in a handful), some
 * accented, thousands of artists with several albums each, a few dozen genres.
 */
final class SyntheticCatalog {

  private static final String[] ONSETS = {"b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr",
      "h", "j", "k", "l", "m", "n", "p", "pl", "r", "s", "sh", "st", "t", "tr", "v", "w", "z"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "é", "ö",
      "á", "y"};
  private static final String[] CODAS = {"", "", "", "n", "r", "s", "l", "m", "nd", "st", "ck"};
  private static final String[] GENRES = {"Pop", "Rock", "Electronic", "Hip-Hop", "Jazz", "Blues",
      "Folk", "Classical", "Reggae", "Ambient", "Metal", "Punk", "Soul", "Funk", "R&B", "Country",
      "Latin", "K-Pop", "House", "Techno", "Drum & Bass", "Disco", "Gospel", "Bossa Nova",
      "Indie", "Grunge", "Ska", "Trap", "Lo-Fi", "Opera"};

  final List<Song> songs = new ArrayList<>();
  final List<String> vocabulary = new ArrayList<>();
  final List<String> artists = new ArrayList<>();
  private final Random rnd;
  private final double[] zipf;

  SyntheticCatalog(int size, long seed) {
    rnd = new Random(seed);
    Set<String> words = new LinkedHashSet<>();
    while (words.size() < Math.max(2000, size / 2)) {
      words.add(word());
    }
    vocabulary.addAll(words);
    zipf = zipfCumulative(vocabulary.size());
    Set<String> artistNames = new LinkedHashSet<>();
    while (artistNames.size() < Math.max(50, size / 12)) {
      artistNames.add(capitalise(pickWord()) + (rnd.nextBoolean() ? " " + capitalise(word()) : ""));
    }
    artists.addAll(artistNames);
    int id = 0;
    while (songs.size() < size) {
      String artist = artists.get(rnd.nextInt(artists.size()));
      String album = phrase(1 + rnd.nextInt(3));
      String genre = GENRES[rnd.nextInt(GENRES.length)];
      int year = 1950 + rnd.nextInt(75);
      for (int t = 0, n = 6 + rnd.nextInt(10); t < n && songs.size() < size; t++) {
        songs.add(new Song("s" + id++, phrase(1 + rnd.nextInt(5)), artist, album, genre, year,
            120_000 + rnd.nextInt(240_000), "/api/songs/s" + id + "/audio",
            new AudioFeatures(60 + rnd.nextInt(120), rnd.nextDouble(), rnd.nextDouble(),
                rnd.nextDouble(), rnd.nextDouble()), rnd.nextDouble()));
      }
    }
  }

  /** A word by rank from a Zipf(1) distribution: rank 1 is by far the most used. */
  String pickWord() {
    double u = rnd.nextDouble();
    int lo = 0;
    int hi = zipf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (zipf[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return vocabulary.get(lo);
  }

  private String phrase(int words) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < words; i++) {
      s.append(i == 0 ? "" : " ").append(capitalise(pickWord()));
    }
    return s.toString();
  }

  private String word() {
    StringBuilder w = new StringBuilder();
    for (int i = 0, n = 1 + rnd.nextInt(3); i < n; i++) {
      w.append(ONSETS[rnd.nextInt(ONSETS.length)]).append(VOWELS[rnd.nextInt(VOWELS.length)]);
    }
    return w.append(CODAS[rnd.nextInt(CODAS.length)]).toString();
  }

  private static String capitalise(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static double[] zipfCumulative(int n) {
    double[] c = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / (i + 1);
      c[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      c[i] /= sum;
    }
    return c;
  }
}
