package dev.jamsession.catalog.search;

import dev.jamsession.core.catalog.Song;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** A song with each field folded once for matching: its words and its key. */
final class FoldedSong {

  /** A field's words and its key (the words joined by spaces). */
  static final class Field {
    final List<String> tokens;
    final String key;

    Field(String text) {
      tokens = TextFold.tokens(text);
      key = String.join(" ", tokens);
    }
  }

  final Song song;
  final Field title;
  final Field artist;
  final Field album;
  final Field genre;

  private FoldedSong(Song song) {
    this.song = song;
    title = new Field(song.title());
    artist = new Field(song.artist());
    album = new Field(song.album());
    genre = new Field(song.genre());
  }

  /** The songs folded and in catalog order: artist, album, title, then id. */
  static FoldedSong[] inCatalogOrder(Collection<Song> catalog) {
    FoldedSong[] folded = new FoldedSong[catalog.size()];
    int i = 0;
    for (Song song : catalog) {
      folded[i++] = new FoldedSong(song);
    }
    Arrays.sort(folded, (a, b) -> {
      int c = a.artist.key.compareTo(b.artist.key);
      c = c != 0 ? c : a.album.key.compareTo(b.album.key);
      c = c != 0 ? c : a.title.key.compareTo(b.title.key);
      return c != 0 ? c : a.song.id().compareTo(b.song.id());
    });
    return folded;
  }
}
