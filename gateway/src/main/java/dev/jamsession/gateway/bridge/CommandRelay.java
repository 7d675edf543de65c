package dev.jamsession.gateway.bridge;

import static dev.jamsession.core.protocol.Addresses.END_SESSION;
import static dev.jamsession.core.protocol.Addresses.JOIN_SESSION;
import static dev.jamsession.core.protocol.Addresses.LEAVE_SESSION;
import static dev.jamsession.core.protocol.Addresses.QUEUE_PLAYLIST;
import static dev.jamsession.core.protocol.Addresses.SNAPSHOT;
import static dev.jamsession.core.protocol.Addresses.TIME;
import static dev.jamsession.core.protocol.Addresses.WATCH;

import dev.jamsession.core.domain.CommandParser;
import dev.jamsession.core.domain.Input;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import dev.jamsession.playlists.PlaylistService;
import dev.jamsession.runtime.bus.CommandEnvelope;
import dev.jamsession.runtime.bus.InternalClient;
import dev.jamsession.runtime.bus.Replies;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.UUID;

/**
 * Handles every command a browser sends, in the order of PROTOCOL §8 (after the socket's rate
 * check): size, membership, shape, then hands it to session-service with the identity bound to
 * the connection. Binds the connection on a successful join (a participant) or watch (a screen,
 * §12) and unbinds it on leave. Resolves the playlist of jam.queue-playlist itself, so the jam
 * side never touches the database.
 */
final class CommandRelay {
  static final int MAX_BODY_BYTES = 1024;
  /** How long a host that ended its jam waits for the event that says so. */
  static final long ENDING_EVENT_WAIT_MS = 2_000;

  private final LocalRooms rooms;
  private final InternalClient session;
  private final PlaylistService playlists;
  /** The event loop this relay (and its connections' state) belongs to. */
  private final Context context;
  private int inFlight;

  CommandRelay(LocalRooms rooms, InternalClient session, PlaylistService playlists, Context context) {
    this.rooms = rooms;
    this.session = session;
    this.playlists = playlists;
    this.context = context;
  }

  /**
   * The reply envelope (§3) of one command from connection {@code c}; {@code bodyBytes} is the
   * size of its body as the client sent it.
   */
  Future<JsonObject> handle(Connection c, String cmd, Object body, int bodyBytes) {
    if (bodyBytes > MAX_BODY_BYTES) {
      return Future.succeededFuture(Replies.error(ErrorCode.PAYLOAD_TOO_LARGE, "Messages are limited to 1 KB"));
    }
    // §8: size, then membership (jam.time, jam.join-session and jam.watch are for anyone), then shape.
    if (!mayRequest(c, cmd)) {
      return Future.succeededFuture(Replies.error(ErrorCode.NOT_JOINED, c.isScreen()
          ? "Screens only watch: join the jam to take part" : "Join a jam first"));
    }
    if (body != null && !(body instanceof JsonObject)) {
      return Future.succeededFuture(Replies.error(ErrorCode.INVALID_INPUT, "The message body must be a JSON object"));
    }
    if (TIME.equals(cmd)) {
      return Future.succeededFuture(Replies.ok(new JsonObject().put("serverTime", System.currentTimeMillis())));
    }
    JsonObject args = body == null ? new JsonObject() : (JsonObject) body;
    inFlight++;
    Future<JsonObject> reply = JOIN_SESSION.equals(cmd) || WATCH.equals(cmd) ? enter(c, cmd, args)
        : c.isScreen() ? screen(c, cmd)
        : QUEUE_PLAYLIST.equals(cmd) ? queuePlaylist(c, args)
        : forward(c, cmd, args);
    return reply.andThen(ar -> inFlight--);
  }

  /** A participant sends anything; a screen what §12 lets it (and leave, which ends the watch). */
  private static boolean mayRequest(Connection c, String cmd) {
    if (TIME.equals(cmd) || JOIN_SESSION.equals(cmd) || WATCH.equals(cmd) || c.isJoined()) {
      return true;
    }
    return c.isScreen() && (Addresses.SCREEN_COMMANDS.contains(cmd) || LEAVE_SESSION.equals(cmd));
  }

  /**
   * A screen's jam.snapshot is its watch again (the snapshot without you); its jam.leave-session
   * ends the watch here, since the jam never knew it.
   */
  private Future<JsonObject> screen(Connection c, String cmd) {
    if (SNAPSHOT.equals(cmd)) {
      return request(c, WATCH, c.code(), null, new JsonObject());
    }
    rooms.unbind(c);
    return Future.succeededFuture(Replies.ok(new JsonObject()));
  }

  /**
   * Tells the jam that connection {@code c} of its participant dropped (docs/ARCHITECTURE.md,
   * "Disconnect is not leave"). A request, not a send: one lost on the way would leave the
   * participant connected with no socket, so it is retried like any command.
   */
  void disconnected(Connection c, String code, String participantId) {
    session.request(Addresses.SESSION_DISCONNECT, new JsonObject()
        .put("code", code)
        .put("participantId", participantId)
        .put("connectionId", c.id));
  }

  /** Commands forwarded to session-service whose reply has not come back yet. */
  int inFlight() {
    return inFlight;
  }

  /**
   * A join or a watch: one at a time per connection (a second in flight could only leave a ghost
   * behind), with the jam's events held from before it, so none after its reply is missed here.
   */
  private Future<JsonObject> enter(Connection c, String cmd, JsonObject args) {
    String code;
    try {
      code = Input.code(args.getValue("code"));
    } catch (JamException e) {
      return Future.succeededFuture(Replies.error(e));
    }
    if (!c.startJoin()) {
      return Future.succeededFuture(Replies.error(ErrorCode.RATE_LIMITED,
          "A join is already in progress on this connection"));
    }
    String previousCode = c.code();
    String previousParticipant = c.participantId();
    // Holding the jam's events from before the join on means none after it is missed here. The
    // jam knows whether this connection already is one of its participants (PROTOCOL §9).
    return rooms.hold(code)
        .transform(live -> request(c, cmd, code, null, args))
        .andThen(ar -> {
          c.endJoin();
          if (ar.succeeded() && Replies.isSuccess(ar.result())) {
            entered(c, cmd, code, ar.result(), previousCode, previousParticipant);
          }
          rooms.release(code);
        });
  }

  private void entered(Connection c, String cmd, String code, JsonObject reply, String previousCode,
                       String previousParticipant) {
    String participantId = WATCH.equals(cmd) ? null
        : reply.getJsonObject("data").getJsonObject("you").getString("participantId");
    if (c.isClosed()) {
      if (participantId != null) {
        // The socket went away while the join was in flight: this participant is disconnected
        // (a resume keeps its grace period, as any dropped connection does).
        disconnected(c, code, participantId);
      }
      return;
    }
    // A connection is in one jam, as a participant or a screen: joining another jam leaves the
    // first, and watching (any jam) leaves the jam it was in.
    if (previousParticipant != null && (participantId == null || !previousCode.equals(code))) {
      request(c, LEAVE_SESSION, previousCode, previousParticipant, new JsonObject());
    }
    rooms.bind(c, code, participantId, reply.getJsonObject("data").getLong("rev", 0L));
  }

  /**
   * jam.queue-playlist (PROTOCOL §13): looks the playlist up and forwards {playlistId,
   * requestId?, songIds}, the body built here (a client's own songIds never pass). For a
   * playlist that does not exist songIds is left out, and for a body without a usable
   * playlistId so is the lookup: session-service then refuses in the order of §8 (NOT_JOINED,
   * INVALID_INPUT, NOT_HOST, then NOT_FOUND). A store that is down is UNAVAILABLE.
   */
  private Future<JsonObject> queuePlaylist(Connection c, JsonObject args) {
    Object id = args.getValue("playlistId");
    JsonObject forwarded = new JsonObject().put("playlistId", id);
    String requestId = CommandParser.requestId(args.getMap());
    if (requestId != null) {
      forwarded.put("requestId", requestId);
    }
    if (!(id instanceof String playlistId) || playlistId.isEmpty() || playlistId.length() > 64) {
      return forward(c, QUEUE_PLAYLIST, forwarded);
    }
    String code = c.code();
    String participantId = c.participantId();
    Promise<JsonObject> reply = Promise.promise();
    playlists.songIds(playlistId).onComplete(ar -> context.runOnContext(v -> { // back on this loop
      if (!Objects.equals(code, c.code()) || !Objects.equals(participantId, c.participantId())) {
        // Left (or moved to another jam) while the playlist was read: not in this jam any more.
        reply.complete(Replies.error(ErrorCode.NOT_JOINED, "Join a jam first"));
        return;
      }
      if (ar.succeeded()) {
        forwarded.put(CommandParser.PLAYLIST_SONG_IDS, new JsonArray(ar.result()));
      } else if (!(ar.cause() instanceof JamException e && e.code() == ErrorCode.NOT_FOUND)) {
        reply.complete(Replies.error(ar.cause()));
        return;
      }
      forward(c, QUEUE_PLAYLIST, forwarded).onComplete(reply);
    }));
    return reply.future();
  }

  private Future<JsonObject> forward(Connection c, String cmd, JsonObject args) {
    String code = c.code();
    String participantId = c.participantId();
    return request(c, cmd, code, participantId, args).onSuccess(reply -> {
      // The server no longer counts this connection in the jam: stop treating it as a member.
      boolean gone = Replies.isSuccess(reply)
          ? LEAVE_SESSION.equals(cmd) || END_SESSION.equals(cmd)
          : Replies.codeOf(reply) == ErrorCode.NOT_JOINED;
      // Only if it is still who it was when it sent this: a join answered meanwhile (a leave and a
      // join sent back to back, the join's reply first) bound it to a new participant, who must
      // keep the binding, or its socket's close would never disconnect them.
      if (!gone || !stillWho(c, code, participantId)) {
        return;
      }
      if (END_SESSION.equals(cmd) && Replies.isSuccess(reply) && c.isListening()) {
        // The session-ended is on its way (the reply may overtake it) and is the last event the
        // host gets: that event unbinds it, or this does, a moment later. Nobody can join that
        // jam meanwhile, and a join elsewhere rebinds it at once. A leave unbinds at once: the
        // connection may join again straight away, as anyone.
        context.owner().setTimer(ENDING_EVENT_WAIT_MS, id -> {
          if (stillWho(c, code, participantId)) {
            rooms.unbind(c);
          }
        });
      } else {
        rooms.unbind(c);
      }
    });
  }

  private static boolean stillWho(Connection c, String code, String participantId) {
    return code.equals(c.code()) && participantId.equals(c.participantId());
  }

  private Future<JsonObject> request(Connection c, String cmd, String code, String participantId, JsonObject args) {
    // Every command carries a request id (the client's, or one made here), so that retrying it
    // on another session instance after a timeout cannot apply it twice.
    String requestId = CommandParser.requestId(args.getMap());
    CommandEnvelope envelope = new CommandEnvelope(requestId != null ? requestId : UUID.randomUUID().toString(),
        System.currentTimeMillis(), cmd, code, participantId, c.id, args);
    return session.request(Addresses.SESSION_COMMAND, envelope.toJson());
  }
}
