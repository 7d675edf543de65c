package dev.jamsession.core.catalog;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A song's public shape (PROTOCOL §6) as a read-only map over the song itself, its keys in the
 * order of the protocol. Every queue-updated event carries every queued song, so this costs one
 * small object rather than a filled map, and an encoder can recognise it and reuse the song's
 * JSON ({@code JsonBytes}).
 */
public final class SongView extends AbstractMap<String, Object> {
  private static final List<String> KEYS =
      List.of("id", "title", "artist", "album", "genre", "year", "durationMs", "audioUrl");

  private final Song song;

  SongView(Song song) {
    this.song = song;
  }

  public Song song() {
    return song;
  }

  private Object value(int key) {
    return switch (key) {
      case 0 -> song.id();
      case 1 -> song.title();
      case 2 -> song.artist();
      case 3 -> song.album();
      case 4 -> song.genre();
      case 5 -> song.year();
      case 6 -> song.durationMs();
      default -> song.audioUrl();
    };
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return KEYS.size();
      }

      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < KEYS.size();
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (next >= KEYS.size()) {
              throw new NoSuchElementException();
            }
            int key = next++;
            return new AbstractMap.SimpleImmutableEntry<>(KEYS.get(key), value(key));
          }
        };
      }
    };
  }
}
