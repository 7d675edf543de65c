package dev.jamsession.core.domain;

import dev.jamsession.core.catalog.Song;
import java.io.Serializable;
import java.util.Map;

/**
 * What can happen to a jam. {@code actor} is the participant id the gateway bound to the
 * connection, never a client's claim; system commands have none.
 */
public sealed interface Command extends Serializable {

  /**
   * A command with the id of the request that carried it. A retry with the same id (after a
   * timeout, or on another instance) gets the first answer again instead of applying twice.
   */
  record Tracked(String requestId, Command command) implements Command {}

  /** A participant's command whose body failed the shape checks; refused after membership. */
  record Invalid(String actor, String message) implements Command {}

  /** Join, or resume with a token. {@code boundParticipantId}: this connection is already that participant. */
  record Join(String userName, String hostToken, String resumeToken, String connectionId,
              String boundParticipantId) implements Command {}

  record Leave(String actor) implements Command {}

  /** {@code song} is null when the catalog does not know {@code songId}. */
  record AddToQueue(String actor, String songId, Song song) implements Command {}

  record Vote(String actor, String itemId, int value) implements Command {}

  record RemoveFromQueue(String actor, String itemId) implements Command {}

  record PlayNext(String actor) implements Command {}

  /** Either field may be null: keep playing or paused as now, or keep the current position. */
  record PlaybackUpdate(String actor, Boolean isPlaying, Long positionMs) implements Command {}

  record VoteSkip(String actor, boolean value) implements Command {}

  record UpdateSettings(String actor, Map<String, Object> patch) implements Command {}

  record Kick(String actor, String target) implements Command {}

  record TransferHost(String actor, String target) implements Command {}

  record EndSession(String actor) implements Command {}

  record Snapshot(String actor) implements Command {}

  /** A connection of {@code actor} dropped; ignored if the participant has resumed elsewhere since. */
  record Disconnect(String actor, String connectionId) implements Command {}

  /**
   * A gateway left the cluster: every participant connected through it (connection ids start
   * with {@code gatewayId + "/"}) is now disconnected and their grace period starts.
   */
  record GatewayLost(String gatewayId) implements Command {}

  /**
   * The recommender's pick for a jam whose queue ran dry; added only if the queue is still
   * empty and autofill is on, marked as added by the recommender.
   */
  record Autofill(Song song) implements Command {}

  /** The ticker: autoplay advance and grace expiry. */
  record Tick(long graceMs) implements Command {}

  /** Cleanup: end the jam if it has had no activity since {@code idleBefore}, or is empty past the grace. */
  record Expire(long idleBefore, long graceMs) implements Command {}
}
