package dev.jamsession.gateway.bridge;

import static dev.jamsession.core.protocol.Addresses.END_SESSION;
import static dev.jamsession.core.protocol.Addresses.JOIN_SESSION;
import static dev.jamsession.core.protocol.Addresses.LEAVE_SESSION;
import static dev.jamsession.core.protocol.Addresses.TIME;

import dev.jamsession.core.domain.CommandParser;
import dev.jamsession.core.domain.Input;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import dev.jamsession.gateway.RateLimiter;
import dev.jamsession.runtime.bus.InternalClient;
import dev.jamsession.runtime.bus.Replies;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/**
 * Handles every command a browser sends, in the order of PROTOCOL §8: size, rate, membership,
 * then hands it to session-service with the identity bound to the connection. Binds the
 * connection on a successful join and unbinds it on leave.
 */
final class CommandRelay {
  static final int MAX_BODY_BYTES = 1024;

  private final Connections connections;
  private final RateLimiter rates;
  private final RateLimiter ipRates;
  private final InternalClient session;
  private int inFlight;

  /** {@code rates} count per connection, {@code ipRates} per client address (all its connections). */
  CommandRelay(Connections connections, RateLimiter rates, RateLimiter ipRates, InternalClient session) {
    this.connections = connections;
    this.rates = rates;
    this.ipRates = ipRates;
    this.session = session;
  }

  void handle(Message<Object> msg) {
    String cmd = msg.headers().get(BridgeGuard.HEADER_COMMAND);
    Connection c = connections.byId(msg.headers().get(BridgeGuard.HEADER_CONNECTION));
    if (c == null) {
      msg.reply(Replies.error(ErrorCode.UNAVAILABLE, "Connection closed"));
      return;
    }
    Object body = msg.body();
    if (encodedSize(body) > MAX_BODY_BYTES) {
      msg.reply(Replies.error(ErrorCode.PAYLOAD_TOO_LARGE, "Messages are limited to 1 KB"));
      return;
    }
    long now = System.currentTimeMillis();
    if (rates.acquire(c.id, now) > 0 || ipRates.acquire(c.remoteIp, now) > 0) {
      msg.reply(Replies.error(ErrorCode.RATE_LIMITED, "Too many messages; slow down a little"));
      return;
    }
    if (TIME.equals(cmd)) {
      msg.reply(Replies.ok(new JsonObject().put("serverTime", System.currentTimeMillis())));
      return;
    }
    if (!JOIN_SESSION.equals(cmd) && !c.isJoined()) {
      msg.reply(Replies.error(ErrorCode.NOT_JOINED, "Join a jam first"));
      return;
    }
    if (body != null && !(body instanceof JsonObject)) {
      msg.reply(Replies.error(ErrorCode.INVALID_INPUT, "The message body must be a JSON object"));
      return;
    }
    JsonObject args = body == null ? new JsonObject() : (JsonObject) body;
    inFlight++;
    Future<JsonObject> reply = JOIN_SESSION.equals(cmd) ? join(c, args) : forward(c, cmd, args);
    reply.onComplete(ar -> {
      inFlight--;
      msg.reply(ar.succeeded() ? ar.result() : Replies.error(ar.cause()));
    });
  }

  /** Commands forwarded to session-service whose reply has not come back yet. */
  int inFlight() {
    return inFlight;
  }

  private Future<JsonObject> join(Connection c, JsonObject args) {
    String code;
    try {
      code = Input.code(args.getValue("code"));
    } catch (JamException e) {
      return Future.succeededFuture(Replies.error(e));
    }
    String previousCode = c.code();
    String previousParticipant = c.participantId();
    String bound = code.equals(previousCode) ? previousParticipant : null;
    return request(c, JOIN_SESSION, code, bound, args).onSuccess(reply -> {
      if (!Replies.isSuccess(reply)) {
        return;
      }
      String participantId = reply.getJsonObject("data").getJsonObject("you").getString("participantId");
      if (previousCode != null && !previousCode.equals(code)) {
        // One jam per connection: joining another leaves the first.
        request(c, LEAVE_SESSION, previousCode, previousParticipant, new JsonObject());
      }
      c.bind(code, participantId);
    });
  }

  private Future<JsonObject> forward(Connection c, String cmd, JsonObject args) {
    String code = c.code();
    String participantId = c.participantId();
    return request(c, cmd, code, participantId, args).onSuccess(reply -> {
      // The server no longer counts this connection in the jam: stop treating it as a member.
      boolean gone = Replies.isSuccess(reply)
          ? LEAVE_SESSION.equals(cmd) || END_SESSION.equals(cmd)
          : Replies.codeOf(reply) == ErrorCode.NOT_JOINED;
      if (gone && code.equals(c.code())) {
        c.unbind();
      }
    });
  }

  private Future<JsonObject> request(Connection c, String cmd, String code, String participantId, JsonObject args) {
    // Every command carries a request id (the client's, or one made here), so that retrying it
    // on another session instance after a timeout cannot apply it twice.
    String requestId = CommandParser.requestId(args.getMap());
    JsonObject payload = new JsonObject()
        .put("requestId", requestId != null ? requestId : UUID.randomUUID().toString())
        .put("receivedAt", System.currentTimeMillis())
        .put("cmd", cmd)
        .put("code", code)
        .put("participantId", participantId)
        .put("connectionId", c.id)
        .put("body", args);
    return session.request(Addresses.SESSION_COMMAND, payload);
  }

  private static int encodedSize(Object body) {
    if (body == null) {
      return 0;
    }
    Buffer encoded = Json.encodeToBuffer(body);
    return encoded.length();
  }
}
