package dev.jamsession.core.protocol;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every event-bus address, declared once. Browsers may send only to {@link #PUBLIC_COMMANDS}
 * (all under the {@code jam.} prefix) and register only on {@code jam.events.<CODE>}; the rest
 * is internal and the gateway's bridge refuses it.
 */
public final class Addresses {
  private Addresses() {}

  public static final String JOIN_SESSION = "jam.join-session";
  public static final String LEAVE_SESSION = "jam.leave-session";
  public static final String ADD_TO_QUEUE = "jam.add-to-queue";
  public static final String QUEUE_PLAYLIST = "jam.queue-playlist";
  public static final String VOTE = "jam.vote";
  public static final String REMOVE_FROM_QUEUE = "jam.remove-from-queue";
  public static final String PLAY_NEXT = "jam.play-next";
  public static final String PLAYBACK_UPDATE = "jam.playback-update";
  public static final String VOTE_SKIP = "jam.vote-skip";
  public static final String UPDATE_SETTINGS = "jam.update-settings";
  public static final String KICK = "jam.kick";
  public static final String TRANSFER_HOST = "jam.transfer-host";
  public static final String END_SESSION = "jam.end-session";
  public static final String SNAPSHOT = "jam.snapshot";
  public static final String GET_RECOMMENDATIONS = "jam.get-recommendations";
  public static final String TIME = "jam.time";
  /** PROTOCOL §12: an emoji to the jam; changes nothing, so it is not state-changing. */
  public static final String REACT = "jam.react";
  /** PROTOCOL §12: the connection becomes a screen of the jam (anyone). */
  public static final String WATCH = "jam.watch";

  /** What a screen may send (§12); everything else is NOT_JOINED for it, but a join or a leave. */
  public static final Set<String> SCREEN_COMMANDS = Set.of(SNAPSHOT, TIME, WATCH);

  /**
   * The commands that change a jam, each sent with a requestId (PROTOCOL §9); the web client's
   * list (web/src/lib/requestId.ts) is checked against this one by a test.
   */
  public static final List<String> STATE_CHANGING_COMMANDS = List.of(
      LEAVE_SESSION, ADD_TO_QUEUE, VOTE, REMOVE_FROM_QUEUE, PLAY_NEXT, PLAYBACK_UPDATE, VOTE_SKIP,
      UPDATE_SETTINGS, KICK, TRANSFER_HOST, END_SESSION, QUEUE_PLAYLIST);

  /** Every address a browser may send to (PROTOCOL §4). */
  public static final Set<String> PUBLIC_COMMANDS = union(STATE_CHANGING_COMMANDS,
      List.of(JOIN_SESSION, SNAPSHOT, GET_RECOMMENDATIONS, TIME, REACT, WATCH));

  /** Events of one jam are published here; a connection may register only its own jam's. */
  public static final String EVENTS_PREFIX = "jam.events.";

  public static String events(String code) {
    return EVENTS_PREFIX + code;
  }

  /** The jam code in an events address, or null when the address is not one. */
  public static String codeOfEvents(String address) {
    return address != null && address.startsWith(EVENTS_PREFIX)
        ? address.substring(EVENTS_PREFIX.length()) : null;
  }

  // Internal: gateway -> session-service.
  /** A participant's command, with the identity the gateway bound: a CommandEnvelope (jam-runtime). */
  public static final String SESSION_COMMAND = "session.command";
  /** {hostName, settings?} -> {sessionCode, hostToken}. */
  public static final String SESSION_CREATE = "session.create";
  /** {code} -> jam summary. */
  public static final String SESSION_SUMMARY = "session.summary";
  /** {all} -> {sessions: [summary]}. */
  public static final String SESSION_LIST = "session.list";
  /** {} -> {}: is a session-service instance reachable (readiness of the services that need one). */
  public static final String SESSION_PING = "session.ping";
  /** {} -> {jams, participants, connectedParticipants, queuedSongs, playingJams}, cluster-wide. */
  public static final String SESSION_STATS = "session.stats";
  /** {code, connectionId}: a connection dropped (its participant, if it is still their live one, is disconnected). */
  public static final String SESSION_DISCONNECT = "session.disconnect";
  /** {idleBefore} -> {codes}: jams that look idle (no activity since then) or empty past the grace. */
  public static final String SESSION_EXPIRY_CANDIDATES = "session.expiry-candidates";
  /** {code, idleBefore} -> {ended}: cleanup asks to end a jam if it is still idle or empty. */
  public static final String SESSION_EXPIRE = "session.expire";

  // Internal: session-service -> recommender-service.
  public static final String RECOMMENDER_RECOMMEND = "recommender.recommend";

  private static Set<String> union(List<String> a, List<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
