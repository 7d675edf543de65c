package dev.jamsession.core.domain;

import dev.jamsession.core.catalog.Song;
import java.util.List;
import java.util.Map;

/**
 * What can happen to a jam. {@code actor} is the participant id the gateway bound to the
 * connection, never a client's claim; system commands have none. Each command names its
 * {@link Kind}, so the engine (and the serializers) dispatch with an exhaustive switch: a new
 * command that nobody handles does not compile.
 */
public sealed interface Command {

  /** One constant per record below. */
  enum Kind {
    VIA, TRACKED, INVALID, JOIN, LEAVE, ADD_TO_QUEUE, QUEUE_PLAYLIST, VOTE, REMOVE_FROM_QUEUE, PLAY_NEXT,
    PLAYBACK_UPDATE, VOTE_SKIP, UPDATE_SETTINGS, KICK, TRANSFER_HOST, END_SESSION, SNAPSHOT,
    REACT, WATCH, DISCONNECT, GATEWAY_LOST, AUTOFILL, TICK, EXPIRE
  }

  Kind kind();

  /**
   * A participant's command as it came in on {@code connectionId}: it acts for its actor only
   * while that is the actor's live connection. Outermost (around a {@link Tracked}); commands
   * without it (the engine's own callers, system commands) are not tied to a connection.
   */
  record Via(String connectionId, Command command) implements Command {
    public Kind kind() { return Kind.VIA; }
  }

  /** The command inside its {@link Via} and {@link Tracked} wrappers. */
  static Command unwrapped(Command command) {
    Command c = command instanceof Via v ? v.command() : command;
    return c instanceof Tracked t ? t.command() : c;
  }

  /**
   * A command with the id of the request that carried it. A retry with the same id (after a
   * timeout, or on another instance) gets the first answer again instead of applying twice.
   * {@code owner} scopes the id: the participant who sent it, or for a join the connection.
   */
  record Tracked(String owner, String requestId, Command command) implements Command {
    public Kind kind() { return Kind.TRACKED; }
  }

  /** A participant's command whose body failed the shape checks; refused after membership. */
  record Invalid(String actor, String message) implements Command {
    public Kind kind() { return Kind.INVALID; }
  }

  /** Join, or resume with a token, on {@code connectionId}. */
  record Join(String userName, String hostToken, String resumeToken, String connectionId) implements Command {
    public Kind kind() { return Kind.JOIN; }
  }

  record Leave(String actor) implements Command {
    public Kind kind() { return Kind.LEAVE; }
  }

  /** {@code song} is null when the catalog does not know {@code songId}. */
  record AddToQueue(String actor, String songId, Song song) implements Command {
    public Kind kind() { return Kind.ADD_TO_QUEUE; }
  }

  /**
   * The host queues a playlist (PROTOCOL §13). The gateway resolved it from the playlist store
   * (the jam side never touches the database): {@code songs} are its entries in order, each the
   * catalog's song or {@code null} where the catalog no longer has it; {@code songs} itself is
   * null when there is no such playlist.
   */
  record QueuePlaylist(String actor, String playlistId, List<Song> songs) implements Command {
    public QueuePlaylist {
      songs = songs == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(songs));
    }

    public Kind kind() { return Kind.QUEUE_PLAYLIST; }
  }

  record Vote(String actor, String itemId, int value) implements Command {
    public Kind kind() { return Kind.VOTE; }
  }

  record RemoveFromQueue(String actor, String itemId) implements Command {
    public Kind kind() { return Kind.REMOVE_FROM_QUEUE; }
  }

  record PlayNext(String actor) implements Command {
    public Kind kind() { return Kind.PLAY_NEXT; }
  }

  /** Either field may be null: keep playing or paused as now, or keep the current position. */
  record PlaybackUpdate(String actor, Boolean isPlaying, Long positionMs) implements Command {
    public Kind kind() { return Kind.PLAYBACK_UPDATE; }
  }

  record VoteSkip(String actor, boolean value) implements Command {
    public Kind kind() { return Kind.VOTE_SKIP; }
  }

  /** {@code patch}: known settings fields only, already checked for shape and range. */
  record UpdateSettings(String actor, Map<String, Object> patch) implements Command {
    public Kind kind() { return Kind.UPDATE_SETTINGS; }
  }

  record Kick(String actor, String target) implements Command {
    public Kind kind() { return Kind.KICK; }
  }

  record TransferHost(String actor, String target) implements Command {
    public Kind kind() { return Kind.TRANSFER_HOST; }
  }

  record EndSession(String actor) implements Command {
    public Kind kind() { return Kind.END_SESSION; }
  }

  record Snapshot(String actor) implements Command {
    public Kind kind() { return Kind.SNAPSHOT; }
  }

  /** A reaction (PROTOCOL §12); {@code emoji} is one of {@link Reactions#EMOJI}, as echoed. */
  record React(String actor, String emoji) implements Command {
    public Kind kind() { return Kind.REACT; }
  }

  /** A screen's view of the jam (PROTOCOL §12): the snapshot without {@code you}; anyone may. */
  record Watch() implements Command {
    public Kind kind() { return Kind.WATCH; }
  }

  /**
   * A connection dropped: the participant whose live connection it is becomes disconnected.
   * Keyed by the connection alone, so a late disconnect of a connection the participant has
   * since replaced (a resume elsewhere) changes nothing.
   */
  record Disconnect(String connectionId) implements Command {
    public Kind kind() { return Kind.DISCONNECT; }
  }

  /**
   * A gateway left the cluster: every participant connected through it (connection ids start
   * with {@code gatewayId + "/"}) is now disconnected and their grace period starts.
   */
  record GatewayLost(String gatewayId) implements Command {
    public Kind kind() { return Kind.GATEWAY_LOST; }
  }

  /**
   * The recommender's pick for a jam whose queue ran dry; added only if the queue is still
   * empty and autofill is on, marked as added by the recommender.
   */
  record Autofill(Song song) implements Command {
    public Kind kind() { return Kind.AUTOFILL; }
  }

  /** The ticker: autoplay advance and grace expiry. */
  record Tick(long graceMs) implements Command {
    public Kind kind() { return Kind.TICK; }
  }

  /** Cleanup: end the jam if it has had no activity since {@code idleBefore}, or is empty past the grace. */
  record Expire(long idleBefore, long graceMs) implements Command {
    public Kind kind() { return Kind.EXPIRE; }
  }
}
