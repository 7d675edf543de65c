package dev.jamsession.catalog;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.catalog.SongLookup;
import java.util.List;
import java.util.Optional;

/**
 * The server's songs, loaded once at start-up and read-only afterwards, so every service (the
 * gateway searches and streams it, the session side resolves ids, the recommender scores it)
 * can share one instance across threads.
 */
public interface Catalog extends SongLookup {

  /** Every song, in a stable order. */
  List<Song> all();

  /** GET /api/songs: matches of {@code q} best first, filtered and paged. */
  SearchResult search(SearchQuery query);

  /** Where a song's audio is served from, when this server serves it (not for CATALOG_FILE URLs). */
  Optional<AudioSource> audio(String songId);

  /** A cover of the song's own elsewhere (CATALOG_FILE's {@code artUrl}), when it has one. */
  default Optional<String> artUrl(String songId) {
    return Optional.empty();
  }
}
