package dev.jamsession.recommender.engine;

import dev.jamsession.core.catalog.AudioFeatures;
import dev.jamsession.core.catalog.Song;
import java.util.ArrayList;
import java.util.List;

/**
 * A small hand-shaped catalog: five genres of 40 songs, each genre with its own sound, eight
 * artists per genre named like "jazz-3", song ids like "jazz-3-4" (artist 3's fifth song).
 * Popularity falls with the artist and song number, so "jazz-0-0" is the genre's best known.
 */
final class TestCatalog {
  private TestCatalog() {}

  static final String[] GENRES = {"Jazz", "Metal", "Rock", "Pop", "Folk"};
  static final int ARTISTS_PER_GENRE = 8;
  static final int SONGS_PER_ARTIST = 5;

  static List<Song> songs() {
    List<Song> out = new ArrayList<>();
    for (int g = 0; g < GENRES.length; g++) {
      for (int a = 0; a < ARTISTS_PER_GENRE; a++) {
        for (int i = 0; i < SONGS_PER_ARTIST; i++) {
          String artist = GENRES[g].toLowerCase() + "-" + a;
          double energy = 0.1 + 0.2 * g + 0.01 * i;
          out.add(new Song(artist + "-" + i, "Song " + artist + "-" + i, artist, "Album", GENRES[g],
              2000, 200_000, "/a/" + artist + "-" + i,
              new AudioFeatures(80 + 20 * g, energy, 1 - energy, 0.5, 0.9 - 0.2 * g),
              0.9 - 0.08 * a - 0.02 * i - 0.01 * g));
        }
      }
    }
    return out;
  }
}
