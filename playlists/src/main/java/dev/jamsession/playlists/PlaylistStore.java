package dev.jamsession.playlists;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Where playlists live (DESIGN decision 9). Every operation is asynchronous: no event loop
 * waits for the database. A playlist is read and written whole, so a replace is atomic.
 */
public interface PlaylistStore {

  Future<Void> insert(Playlist playlist, String tokenHash);

  Future<Optional<StoredPlaylist>> find(String id);

  /**
   * Changes the name and/or the songs (a null argument keeps what is stored) and returns the
   * playlist as this change left it; empty when there is no such playlist.
   */
  Future<Optional<Playlist>> update(String id, String name, List<String> songIds, long updatedAt);

  /** True when a playlist was deleted. */
  Future<Boolean> delete(String id);

  Future<Void> close();
}
