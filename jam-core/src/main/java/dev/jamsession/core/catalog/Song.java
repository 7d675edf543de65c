package dev.jamsession.core.catalog;

import java.util.Map;

/**
 * A song of the server's catalog. Clients refer to songs by id only; everything else comes
 * from here. {@code features} may be null; {@code popularity} is in [0, 1] (0.5 when unknown).
 */
public record Song(String id, String title, String artist, String album, String genre, int year,
                   long durationMs, String audioUrl, AudioFeatures features, double popularity) {

  /** The public shape of PROTOCOL §6. */
  public Map<String, Object> toMap() {
    return new SongView(this);
  }
}
