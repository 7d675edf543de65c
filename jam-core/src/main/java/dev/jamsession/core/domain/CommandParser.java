package dev.jamsession.core.domain;

import static dev.jamsession.core.protocol.Addresses.ADD_TO_QUEUE;
import static dev.jamsession.core.protocol.Addresses.END_SESSION;
import static dev.jamsession.core.protocol.Addresses.KICK;
import static dev.jamsession.core.protocol.Addresses.LEAVE_SESSION;
import static dev.jamsession.core.protocol.Addresses.PLAYBACK_UPDATE;
import static dev.jamsession.core.protocol.Addresses.PLAY_NEXT;
import static dev.jamsession.core.protocol.Addresses.QUEUE_PLAYLIST;
import static dev.jamsession.core.protocol.Addresses.REACT;
import static dev.jamsession.core.protocol.Addresses.REMOVE_FROM_QUEUE;
import static dev.jamsession.core.protocol.Addresses.SNAPSHOT;
import static dev.jamsession.core.protocol.Addresses.TRANSFER_HOST;
import static dev.jamsession.core.protocol.Addresses.UPDATE_SETTINGS;
import static dev.jamsession.core.protocol.Addresses.VOTE;
import static dev.jamsession.core.protocol.Addresses.VOTE_SKIP;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.catalog.SongLookup;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.core.protocol.JamException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a participant's message (address and JSON body) into a {@link Command}. A body that fails
 * the shape checks becomes {@link Command.Invalid}, so the engine can still refuse a non-member
 * with NOT_JOINED first, as PROTOCOL §8 orders.
 */
public final class CommandParser {
  private CommandParser() {}

  private static final Set<String> SETTINGS_FIELDS = Settings.defaults(50).toMap().keySet();

  /**
   * Whether {@code address} names a command this parser takes: the state-changing ones, snapshot
   * and react (join, watch, recommendations and time are handled apart).
   */
  public static boolean isJamCommand(String address) {
    return SNAPSHOT.equals(address) || REACT.equals(address)
        || Addresses.STATE_CHANGING_COMMANDS.contains(address);
  }

  /** The client's own request id for safe retries, if it sent a usable one; else null. */
  public static String requestId(Map<String, Object> body) {
    Object v = body.get("requestId");
    return v instanceof String s && !s.isEmpty() && s.length() <= 64 ? s : null;
  }

  /** {@code rawBody}: the decoded JSON body as sent (a Map for an object, null when absent). */
  public static Command parse(String address, String actor, Object rawBody, SongLookup songs) {
    try {
      Map<String, Object> body = Input.body(rawBody);
      return switch (address) {
        case LEAVE_SESSION -> new Command.Leave(actor);
        case ADD_TO_QUEUE -> {
          String songId = Input.id(body, "songId");
          yield new Command.AddToQueue(actor, songId, songs.byId(songId).orElse(null));
        }
        case QUEUE_PLAYLIST -> queuePlaylist(actor, body, songs);
        case VOTE -> new Command.Vote(actor, Input.id(body, "itemId"),
            (int) Input.integer(body.get("value"), "value", -1, 1));
        case REMOVE_FROM_QUEUE -> new Command.RemoveFromQueue(actor, Input.id(body, "itemId"));
        case PLAY_NEXT -> new Command.PlayNext(actor);
        case PLAYBACK_UPDATE -> playbackUpdate(actor, body);
        case VOTE_SKIP -> new Command.VoteSkip(actor, Input.bool(body.get("value"), "value"));
        case UPDATE_SETTINGS -> settings(actor, body);
        case KICK -> new Command.Kick(actor, Input.id(body, "participantId"));
        case TRANSFER_HOST -> new Command.TransferHost(actor, Input.id(body, "participantId"));
        case END_SESSION -> new Command.EndSession(actor);
        case SNAPSHOT -> new Command.Snapshot(actor);
        case REACT -> new Command.React(actor, Reactions.emoji(body.get("emoji")));
        default -> throw new IllegalArgumentException("not a jam command: " + address);
      };
    } catch (JamException e) {
      return new Command.Invalid(actor, e.getMessage());
    }
  }

  /** {code, userName, hostToken?, resumeToken?}; a resume needs no name. Throws INVALID_INPUT. */
  public static Command.Join parseJoin(Object rawBody, String connectionId) {
    Map<String, Object> body = Input.body(rawBody);
    String resumeToken = Input.optionalToken(body, "resumeToken");
    String hostToken = Input.optionalToken(body, "hostToken");
    Object rawName = body.get("userName");
    String userName = resumeToken != null && rawName == null ? null : Input.name(rawName, "userName");
    return new Command.Join(userName, hostToken, resumeToken, connectionId);
  }

  /**
   * {playlistId, songIds?}: {@code songIds} is what the gateway resolved from the playlist store
   * (it replaces whatever a client sent); absent when there is no such playlist. Each id becomes
   * the catalog's song, or null where the catalog no longer has it.
   */
  private static Command queuePlaylist(String actor, Map<String, Object> body, SongLookup songs) {
    String playlistId = Input.id(body, "playlistId");
    Object raw = body.get(PLAYLIST_SONG_IDS);
    if (raw == null) {
      return new Command.QueuePlaylist(actor, playlistId, null);
    }
    if (!(raw instanceof Iterable<?> ids)) {
      throw Input.invalid(PLAYLIST_SONG_IDS + " must be an array of song ids");
    }
    List<Song> resolved = new ArrayList<>();
    for (Object id : ids) {
      resolved.add(id instanceof String s ? songs.byId(s).orElse(null) : null);
    }
    return new Command.QueuePlaylist(actor, playlistId, resolved);
  }

  /**
   * The field of a forwarded jam.queue-playlist body that carries the playlist's song ids, in
   * order, as the gateway resolved them (PROTOCOL §10).
   */
  public static final String PLAYLIST_SONG_IDS = "songIds";

  /** Each field optional (PROTOCOL §9), but one sent as null is no value: INVALID_INPUT. */
  private static Command playbackUpdate(String actor, Map<String, Object> body) {
    Object playing = body.get("isPlaying");
    Object position = body.get("positionMs");
    if (playing == null && position == null) {
      throw Input.invalid("Send isPlaying, positionMs or both");
    }
    if ((playing == null && body.containsKey("isPlaying")) || (position == null && body.containsKey("positionMs"))) {
      throw Input.invalid("isPlaying and positionMs may be left out, but not null");
    }
    return new Command.PlaybackUpdate(actor,
        playing == null ? null : Input.bool(playing, "isPlaying"),
        position == null ? null : Input.integer(position, "positionMs", 0, Long.MAX_VALUE));
  }

  private static Command settings(String actor, Map<String, Object> body) {
    Map<String, Object> patch = new HashMap<>();
    body.forEach((k, v) -> {
      if (SETTINGS_FIELDS.contains(k)) {
        patch.put(k, v);
      }
    });
    Settings.defaults(50).apply(patch); // shape and range, independent of the jam
    return new Command.UpdateSettings(actor, patch);
  }
}
