package dev.jamsession.catalog;

import dev.jamsession.catalog.search.SearchIndex;
import dev.jamsession.core.catalog.Song;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A read-only catalog over a fixed list of songs, whatever their source. */
final class SongCatalog implements Catalog {

  private final SearchIndex index;
  private final Map<String, Song> byId;
  private final Map<String, AudioSource> audio;
  private final Map<String, String> artUrls;

  /** {@code audio} holds the songs this server streams itself; it may be empty. */
  SongCatalog(Collection<Song> songs, Map<String, ? extends AudioSource> audio) {
    this(songs, audio, Map.of());
  }

  /** {@code artUrls}: covers that songs bring along (CATALOG_FILE's artUrl), by song id. */
  SongCatalog(Collection<Song> songs, Map<String, ? extends AudioSource> audio, Map<String, String> artUrls) {
    Map<String, Song> ids = new HashMap<>(songs.size() * 2);
    for (Song song : songs) {
      Objects.requireNonNull(song.id(), "song id");
      if (ids.put(song.id(), song) != null) {
        throw new IllegalArgumentException("Duplicate song id " + song.id());
      }
    }
    this.byId = Map.copyOf(ids);
    this.audio = Map.copyOf(audio);
    this.artUrls = Map.copyOf(artUrls);
    this.index = new SearchIndex(songs);
  }

  @Override
  public Optional<Song> byId(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  @Override
  public List<Song> all() {
    return index.songs();
  }

  @Override
  public SearchResult search(SearchQuery query) {
    return index.search(query);
  }

  @Override
  public Optional<AudioSource> audio(String songId) {
    return songId == null ? Optional.empty() : Optional.ofNullable(audio.get(songId));
  }

  @Override
  public Optional<String> artUrl(String songId) {
    return songId == null ? Optional.empty() : Optional.ofNullable(artUrls.get(songId));
  }
}
