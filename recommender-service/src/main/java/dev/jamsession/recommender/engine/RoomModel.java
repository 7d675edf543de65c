package dev.jamsession.recommender.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tastes of a room compacted into small dense tables, so that scoring a song for every
 * member is a few array reads per member. Only the genres and artists someone has a signal on
 * get a slot; every other song scores from its mood region and features alone.
 *
 * <p>Weights are normalised per member (see {@link Normaliser}) so that a member with many
 * signals counts as much as one with few.
 */
final class RoomModel {
  static final double GENRE_WEIGHT = 2.0;
  static final double ARTIST_WEIGHT = 1.5;
  static final double REGION_WEIGHT = 0.5;
  static final double FEATURE_WEIGHT = 1.5;
  private static final double PRIOR = 1.0;

  private final CatalogIndex index;
  private final String[] names;
  private final int[] genreSlot;
  private final int[] slotGenre;
  private final Map<Integer, Integer> artistSlot = new HashMap<>();
  private final int[] slotArtist;
  private final double[][] genre;
  private final int[][] genreSignals;
  private final double[][] artist;
  private final double[][] region;
  private final double[][] liked;
  private final double[][] disliked;
  private final double[] likedShare;
  private final double[] dislikedShare;

  RoomModel(CatalogIndex index, List<Taste> tastes) {
    this.index = index;
    int members = tastes.size();
    names = tastes.stream().map(t -> t.name).toArray(String[]::new);
    genreSlot = new int[index.genreCount()];
    Arrays.fill(genreSlot, -1);
    int genres = 0;
    for (Taste t : tastes) {
      for (int g : t.genres.keySet()) {
        if (genreSlot[g] < 0) {
          genreSlot[g] = genres++;
        }
      }
      for (int a : t.artists.keySet()) {
        artistSlot.putIfAbsent(a, artistSlot.size());
      }
    }
    slotGenre = new int[genres];
    for (int g = 0; g < genreSlot.length; g++) {
      if (genreSlot[g] >= 0) {
        slotGenre[genreSlot[g]] = g;
      }
    }
    slotArtist = new int[artistSlot.size()];
    artistSlot.forEach((a, slot) -> slotArtist[slot] = a);
    genre = new double[members][genres];
    genreSignals = new int[members][genres];
    artist = new double[members][artistSlot.size()];
    region = new double[members][];
    liked = new double[members][];
    disliked = new double[members][];
    likedShare = new double[members];
    dislikedShare = new double[members];
    for (int m = 0; m < members; m++) {
      compact(m, tastes.get(m));
    }
  }

  private void compact(int m, Taste t) {
    Normaliser genres = new Normaliser(t.genres.values());
    t.genres.forEach((g, w) -> genre[m][genreSlot[g]] = genres.apply(w));
    t.genreSignals.forEach((g, bits) -> genreSignals[m][genreSlot[g]] = bits);
    Normaliser artists = new Normaliser(t.artists.values());
    t.artists.forEach((a, w) -> artist[m][artistSlot.get(a)] = artists.apply(w));
    Normaliser regions = new Normaliser(Arrays.stream(t.regions).boxed().toList());
    region[m] = Arrays.stream(t.regions).map(regions::apply).toArray();
    double mass = t.likedMass + t.dislikedMass;
    if (mass > 0) {
      likedShare[m] = t.likedMass / mass;
      dislikedShare[m] = t.dislikedMass / mass;
      liked[m] = centroid(t.likedSum, t.likedMass);
      disliked[m] = centroid(t.dislikedSum, t.dislikedMass);
    }
  }

  CatalogIndex index() {
    return index;
  }

  int members() {
    return names.length;
  }

  String name(int member) {
    return names[member];
  }

  /** The candidates' slots, regions and feature points gathered into small arrays. */
  Candidates candidates(int[] songs) {
    return new Candidates(this, songs);
  }

  /**
   * Writes member {@code m}'s score of every candidate into {@code out}; positive means they'd
   * like it. Going member by member over compact candidate arrays keeps the member's tables and
   * the candidates in cache: this loop is most of the cost of a request.
   */
  void score(int m, Candidates c, double[] out) {
    double[] regionRow = region[m];
    double[] genreRow = genre[m];
    double[] artistRow = artist[m];
    double[] like = liked[m];
    double[] dislike = disliked[m];
    double likeShare = likedShare[m];
    double dislikeShare = dislikedShare[m];
    float[] points = c.points;
    for (int i = 0; i < c.size(); i++) {
      double s = REGION_WEIGHT * regionRow[c.region[i]];
      int g = c.genre[i];
      if (g >= 0) {
        s += GENRE_WEIGHT * genreRow[g];
      }
      int a = c.artist[i];
      if (a >= 0) {
        s += ARTIST_WEIGHT * artistRow[a];
      }
      if (c.hasPoint[i]) {
        s += FEATURE_WEIGHT * featureMatch(points, i * FeatureSpace.DIMS, like, likeShare,
            dislike, dislikeShare);
      }
      out[i] = s;
    }
  }

  /** The genre share of a member's score, for reasons. */
  double genrePart(int member, int song) {
    int g = genreSlot(song);
    return g < 0 ? 0 : GENRE_WEIGHT * genre[member][g];
  }

  double artistPart(int member, int song) {
    int a = artistSlot(song);
    return a < 0 ? 0 : ARTIST_WEIGHT * artist[member][a];
  }

  double soundPart(int member, int song) {
    double s = REGION_WEIGHT * region[member][index.regionOf(song)];
    return index.hasFeatures(song)
        ? s + FEATURE_WEIGHT * featureMatch(index.points(), song * FeatureSpace.DIMS,
            liked[member], likedShare[member], disliked[member], dislikedShare[member])
        : s;
  }

  /** Whether the member's liking of the song's genre came (partly) from upvotes. */
  boolean upvotedGenreOf(int member, int song) {
    int g = genreSlot(song);
    return g >= 0 && (genreSignals[member][g] & Signal.UPVOTED.bit()) != 0;
  }

  /** Genres some member leans towards: where candidates are drawn from. */
  int[] likedGenres() {
    return Arrays.stream(slotGenre).filter(g -> anyPositive(genre, genreSlot[g])).toArray();
  }

  int[] likedArtists() {
    int[] out = new int[slotArtist.length];
    int n = 0;
    for (int slot = 0; slot < slotArtist.length; slot++) {
      if (anyPositive(artist, slot)) {
        out[n++] = slotArtist[slot];
      }
    }
    return Arrays.copyOf(out, n);
  }

  int genreSlot(int song) {
    return genreSlot[index.genreOf(song)];
  }

  int artistSlot(int song) {
    Integer slot = artistSlot.get(index.artistOf(song));
    return slot == null ? -1 : slot;
  }

  /** Closeness to what the member liked minus closeness to what they voted down or skipped. */
  private static double featureMatch(float[] p, int at, double[] like, double likeShare,
                                     double[] dislike, double dislikeShare) {
    double match = 0;
    if (like != null) {
      match += likeShare * FeatureSpace.similarity(distance2(p, at, like));
    }
    if (dislike != null) {
      match -= dislikeShare * FeatureSpace.similarity(distance2(p, at, dislike));
    }
    return match;
  }

  private static double distance2(float[] p, int at, double[] c) {
    double d2 = 0;
    for (int d = 0; d < FeatureSpace.DIMS; d++) {
      double diff = p[at + d] - c[d];
      d2 += diff * diff;
    }
    return d2;
  }

  private static boolean anyPositive(double[][] table, int slot) {
    for (double[] row : table) {
      if (row[slot] > 0) {
        return true;
      }
    }
    return false;
  }

  private static double[] centroid(double[] sum, double mass) {
    return mass <= 0 ? null : Arrays.stream(sum).map(v -> v / mass).toArray();
  }

  /**
   * Scales likes by the strongest like and dislikes by the strongest dislike, each plus a prior
   * of one signal: a member's favourite counts fully however many dislikes they also voiced, and
   * one signal alone is weaker evidence than many.
   */
  private static final class Normaliser {
    private double maxLike;
    private double maxDislike;

    Normaliser(Iterable<Double> weights) {
      for (double w : weights) {
        maxLike = Math.max(maxLike, w);
        maxDislike = Math.max(maxDislike, -w);
      }
    }

    double apply(double w) {
      return w >= 0 ? w / (PRIOR + maxLike) : w / (PRIOR + maxDislike);
    }
  }
}
