package dev.jamsession.playlists;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.catalog.SongLookup;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** A playlist as clients see it (§13): its songs from today's catalog, the vanished ones counted. */
public record PlaylistView(Playlist playlist, List<Song> songs, int missingCount) {

  static PlaylistView of(Playlist playlist, SongLookup catalog) {
    List<Song> songs = playlist.songIds().stream().map(catalog::byId).flatMap(Optional::stream).toList();
    return new PlaylistView(playlist, songs, playlist.songIds().size() - songs.size());
  }

  public JsonObject toJson() {
    JsonArray list = new JsonArray();
    songs.forEach(s -> list.add(new JsonObject(s.toMap())));
    return new JsonObject()
        .put("id", playlist.id())
        .put("name", playlist.name())
        .put("songs", list)
        .put("missingCount", missingCount)
        .put("createdAt", playlist.createdAt())
        .put("updatedAt", playlist.updatedAt());
  }
}
