package dev.jamsession.playlists;

import java.util.List;

/** A playlist as stored: song ids in order (repeats allowed), times in epoch milliseconds. */
public record Playlist(String id, String name, List<String> songIds, long createdAt, long updatedAt) {
  public Playlist {
    songIds = List.copyOf(songIds);
  }
}
