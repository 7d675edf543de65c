package dev.jamsession.recommender.engine;

import dev.jamsession.core.catalog.Song;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;

/**
 * The catalog laid out for scoring, built once: songs by dense index, genre and artist ids,
 * normalised feature points, song lists by artist, by genre and mood region, and by
 * popularity (each list most popular first), and the moods' rankings. Immutable, shared by
 * every request.
 */
final class CatalogIndex {
  private final Song[] songs;
  private final Map<String, Integer> indexById;
  private final String[] genres;
  private final String[] artists;
  private final int[] genreOf;
  private final int[] artistOf;
  private final int[] regionOf;
  private final float[] points;
  private final float[] popularity;
  private final int[][] byArtist;
  /** Indexed by genre * REGIONS + region. */
  private final int[][] byGenreRegion;
  private final int[] byPopularity;
  private final MoodFocus moodFocus;

  CatalogIndex(Collection<Song> catalog) {
    List<Song> unique = new ArrayList<>(catalog.size());
    indexById = new HashMap<>(catalog.size() * 2);
    for (Song song : catalog) {
      if (indexById.putIfAbsent(song.id(), unique.size()) == null) {
        unique.add(song);
      }
    }
    songs = unique.toArray(new Song[0]);
    int n = songs.length;
    Map<String, Integer> genreIds = new HashMap<>();
    Map<String, Integer> artistIds = new HashMap<>();
    genreOf = new int[n];
    artistOf = new int[n];
    regionOf = new int[n];
    points = new float[n * FeatureSpace.DIMS];
    popularity = new float[n];
    for (int i = 0; i < n; i++) {
      Song s = songs[i];
      genreOf[i] = genreIds.computeIfAbsent(orEmpty(s.genre()), k -> genreIds.size());
      artistOf[i] = artistIds.computeIfAbsent(orEmpty(s.artist()), k -> artistIds.size());
      regionOf[i] = FeatureSpace.region(s.features());
      if (s.features() != null) {
        FeatureSpace.normalise(s.features(), points, i * FeatureSpace.DIMS);
      }
      popularity[i] = (float) Math.max(0, Math.min(1, s.popularity()));
    }
    genres = names(genreIds);
    artists = names(artistIds);
    byPopularity = IntStream.range(0, n).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -popularity[i]).thenComparing(i -> i))
        .mapToInt(Integer::intValue).toArray();
    byArtist = group(artists.length, i -> artistOf[i]);
    byGenreRegion = group(genres.length * FeatureSpace.REGIONS,
        i -> genreOf[i] * FeatureSpace.REGIONS + regionOf[i]);
    moodFocus = new MoodFocus(songs);
  }

  int size() {
    return songs.length;
  }

  /** The index of a song id, or -1 when the catalog does not hold it. */
  int indexOf(String songId) {
    Integer i = songId == null ? null : indexById.get(songId);
    return i == null ? -1 : i;
  }

  Song song(int i) {
    return songs[i];
  }

  int genreOf(int song) {
    return genreOf[song];
  }

  int artistOf(int song) {
    return artistOf[song];
  }

  int regionOf(int song) {
    return regionOf[song];
  }

  boolean hasFeatures(int song) {
    return regionOf[song] != FeatureSpace.NO_REGION;
  }

  /** The normalised feature points, {@link FeatureSpace#DIMS} floats per song. */
  float[] points() {
    return points;
  }

  double popularity(int song) {
    return popularity[song];
  }

  int genreCount() {
    return genres.length;
  }

  int artistCount() {
    return artists.length;
  }

  String genreName(int genre) {
    return genres[genre];
  }

  String artistName(int artist) {
    return artists[artist];
  }

  int[] songsByArtist(int artist) {
    return byArtist[artist];
  }

  int[] songsIn(int genre, int region) {
    return byGenreRegion[genre * FeatureSpace.REGIONS + region];
  }

  /** Each mood's songs ranked, to narrow a room with a mood to them. */
  MoodFocus moodFocus() {
    return moodFocus;
  }

  /** Every song, most popular first. */
  int[] byPopularity() {
    return byPopularity;
  }

  private int[][] group(int groups, IntUnaryOperator key) {
    int[] counts = new int[groups];
    for (int i : byPopularity) {
      counts[key.applyAsInt(i)]++;
    }
    int[][] out = new int[groups][];
    for (int g = 0; g < groups; g++) {
      out[g] = new int[counts[g]];
    }
    int[] fill = new int[groups];
    for (int i : byPopularity) {
      int g = key.applyAsInt(i);
      out[g][fill[g]++] = i;
    }
    return out;
  }

  private static String[] names(Map<String, Integer> ids) {
    String[] out = new String[ids.size()];
    ids.forEach((name, id) -> out[id] = name);
    return out;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
