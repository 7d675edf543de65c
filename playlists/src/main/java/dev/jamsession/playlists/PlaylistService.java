package dev.jamsession.playlists;

import dev.jamsession.core.catalog.SongLookup;
import dev.jamsession.core.domain.SecureIds;
import dev.jamsession.core.domain.Input;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of PROTOCOL §13 over a store: names, sizes, known songs, edit tokens. Checks run
 * in the order of §8: shape (INVALID_INPUT), the playlist (NOT_FOUND), permission
 * (INVALID_TOKEN), then the songs (UNKNOWN_SONG). A database that fails is UNAVAILABLE.
 */
public record PlaylistService(PlaylistStore store, SongLookup catalog, LongSupplier clock) {
  private static final Logger LOG = LoggerFactory.getLogger(PlaylistService.class);
  public static final int MAX_NAME_CODE_POINTS = 60;
  public static final int MAX_SONGS = 500;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** A new playlist and its edit token, which exists nowhere else afterwards. */
  public record Created(PlaylistView playlist, String editToken) {}

  public Future<Created> create(JsonObject body) {
    String name;
    List<String> songIds;
    try {
      name = name(body.getValue("name"));
      songIds = body.getValue("songIds") == null ? List.of() : songIds(body.getValue("songIds"));
      requireKnown(songIds);
    } catch (JamException e) {
      return Future.failedFuture(e);
    }
    long now = clock.getAsLong();
    Playlist playlist = new Playlist(SecureIds.token(), name, songIds, now, now);
    String token = EditTokens.create();
    return guarded(store.insert(playlist, EditTokens.hash(token)))
        .map(v -> new Created(PlaylistView.of(playlist, catalog), token));
  }

  public Future<PlaylistView> get(String id) {
    return stored(id).map(s -> PlaylistView.of(s.playlist(), catalog));
  }

  /** PUT: {name?, songIds?}; what is left out stays as it is. */
  public Future<PlaylistView> update(String id, String token, JsonObject body) {
    String name;
    List<String> songIds;
    try {
      name = body.getValue("name") == null ? null : name(body.getValue("name"));
      songIds = body.getValue("songIds") == null ? null : songIds(body.getValue("songIds"));
      if (name == null && songIds == null) {
        throw Input.invalid("Send a new name, new songIds, or both");
      }
    } catch (JamException e) {
      return Future.failedFuture(e);
    }
    return owned(id, token).compose(s -> {
      if (songIds != null) {
        requireKnown(songIds);
      }
      return guarded(store.update(id, name, songIds, clock.getAsLong()));
    }).compose(updated -> updated.map(p -> Future.succeededFuture(PlaylistView.of(p, catalog)))
        .orElseGet(() -> Future.failedFuture(notFound())));
  }

  public Future<Void> delete(String id, String token) {
    return owned(id, token)
        .compose(s -> guarded(store.delete(id)))
        .compose(deleted -> deleted ? Future.<Void>succeededFuture() : Future.failedFuture(notFound()));
  }

  /**
   * The song ids of a playlist in order, including those the catalog no longer has: what
   * jam.queue-playlist needs, for the session side to resolve and check like any add.
   */
  public Future<List<String>> songIds(String id) {
    return stored(id).map(s -> s.playlist().songIds());
  }

  private Future<StoredPlaylist> stored(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Future.failedFuture(notFound());
    }
    return guarded(store.find(id))
        .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(notFound())));
  }

  private Future<StoredPlaylist> owned(String id, String token) {
    return stored(id).compose(s -> EditTokens.matches(token, s.tokenHash()) ? Future.succeededFuture(s)
        : Future.failedFuture(new JamException(ErrorCode.INVALID_TOKEN,
            "Only the holder of this playlist's edit token can change it")));
  }

  private static String name(Object raw) {
    return Input.name(raw, "name", MAX_NAME_CODE_POINTS);
  }

  private static List<String> songIds(Object raw) {
    if (!(raw instanceof JsonArray array)) {
      throw Input.invalid("songIds must be an array of song ids");
    }
    if (array.size() > MAX_SONGS) {
      throw Input.invalid("A playlist holds at most " + MAX_SONGS + " songs");
    }
    List<String> ids = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof String s) || s.isEmpty() || s.length() > 64) {
        throw Input.invalid("songIds must be an array of song ids");
      }
      ids.add(s);
    }
    return ids;
  }

  private void requireKnown(List<String> songIds) {
    for (String id : songIds) {
      if (catalog.byId(id).isEmpty()) {
        throw new JamException(ErrorCode.UNKNOWN_SONG, "There is no song with id " + id);
      }
    }
  }

  private static JamException notFound() {
    return new JamException(ErrorCode.NOT_FOUND, "There is no such playlist");
  }

  /** A failure of the database itself (not one of our refusals) is UNAVAILABLE. */
  private static <T> Future<T> guarded(Future<T> operation) {
    return operation.recover(e -> {
      if (e instanceof JamException) {
        return Future.failedFuture(e);
      }
      LOG.warn("Playlist database failed: {}", e.toString());
      return Future.failedFuture(new JamException(ErrorCode.UNAVAILABLE,
          "Playlists are unavailable right now; please try again soon"));
    });
  }
}
