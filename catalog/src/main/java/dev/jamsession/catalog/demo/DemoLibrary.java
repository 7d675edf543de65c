package dev.jamsession.catalog.demo;

import dev.jamsession.catalog.Hashes;
import dev.jamsession.core.catalog.AudioFeatures;
import dev.jamsession.core.catalog.Song;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The built-in library: about 250 invented songs, 5 artists in each of 10 genres, the same on
 * every machine and every run (one fixed seed), so song ids survive restarts and redeploys.
 */
public final class DemoLibrary {

  private static final long SEED = 0x4A414D5345L;
  private static final int ARTISTS_PER_GENRE = 5;
  private static final int LAST_YEAR = 2025;

  private DemoLibrary() {}

  public static List<Song> songs() {
    Random rnd = new Random(SEED);
    DemoNames names = new DemoNames(rnd);
    Set<String> artists = new HashSet<>();
    List<Song> songs = new ArrayList<>();
    for (DemoGenre genre : DemoGenre.values()) {
      for (int a = 0; a < ARTISTS_PER_GENRE; a++) {
        String artist = unique(artists, () -> names.artist(genre));
        addArtist(songs, genre, artist, names, rnd);
      }
    }
    return List.copyOf(songs);
  }

  /** 4 to 6 songs on one or two albums, a few years apart. */
  private static void addArtist(List<Song> songs, DemoGenre genre, String artist,
                                DemoNames names, Random rnd) {
    double artistPopularity = clamp(genre.basePopularity() + (rnd.nextDouble() - 0.5) * 0.5);
    int songCount = 4 + rnd.nextInt(3);
    int albumCount = songCount >= 5 ? 2 : 1;
    int year = genre.firstYear(rnd);
    Set<String> albums = new HashSet<>();
    Set<String> titles = new HashSet<>();
    for (int album = 0; album < albumCount; album++) {
      String albumTitle = unique(albums, () -> names.album(genre));
      int onAlbum = album == 0 ? songCount / albumCount + songCount % albumCount
          : songCount / albumCount;
      for (int i = 0; i < onAlbum; i++) {
        String title = unique(titles, () -> names.title(genre));
        songs.add(song(genre, artist, albumTitle, title, year, artistPopularity, rnd));
      }
      year = Math.min(LAST_YEAR, year + 1 + rnd.nextInt(4));
    }
  }

  private static Song song(DemoGenre genre, String artist, String album, String title, int year,
                           double artistPopularity, Random rnd) {
    AudioFeatures features = new AudioFeatures(genre.tempo(rnd), genre.energy(rnd),
        genre.valence(rnd), genre.danceability(rnd), genre.acousticness(rnd));
    double popularity = Math.round(clamp(artistPopularity + (rnd.nextDouble() - 0.5) * 0.2) * 1000)
        / 1000.0;
    String id = "d-" + Hashes.sha256Hex("demo|" + artist + "|" + album + "|" + title)
        .substring(0, 10);
    return new Song(id, title, artist, album, genre.displayName(), year, genre.durationMs(rnd),
        "/api/songs/" + id + "/audio", features, popularity);
  }

  private static String unique(Set<String> used, java.util.function.Supplier<String> names) {
    for (int attempt = 0; ; attempt++) {
      String name = names.get();
      if (attempt >= 50) {
        name = name + " " + (attempt - 48);
      }
      if (used.add(name)) {
        return name;
      }
    }
  }

  private static double clamp(double v) {
    return Math.max(0.05, Math.min(0.98, v));
  }
}
