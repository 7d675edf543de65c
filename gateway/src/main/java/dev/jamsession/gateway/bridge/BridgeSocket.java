package dev.jamsession.gateway.bridge;

import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.runtime.bus.Replies;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * The bridge protocol on one socket (docs/ARCHITECTURE.md, "The bridge"): every frame is counted
 * against the connection's budget before anything else, frames above a hard cap are refused
 * unparsed, sends go straight to the {@link CommandRelay} with the server-side identity, a
 * register is honoured only for the jam the connection is bound to. Outbound writes are bounded:
 * a socket whose unwritten bytes stay above the limit is closed (the client resumes by token).
 */
final class BridgeSocket {
  /** Frames above this are refused without being parsed (a command's body is limited to 1 KB). */
  static final int MAX_FRAME_BYTES = 4 * 1024;
  /** Unwritten bytes above which a socket counts as not reading. */
  static final int MAX_PENDING_BYTES = 512 * 1024;
  /** A socket that stays above the limit this long is closed. */
  static final long STALL_CLOSE_MS = 5_000;
  private static final int MAX_ADDRESS_LENGTH = 64;
  private static final Buffer PING = Buffer.buffer("{\"type\":\"ping\"}");

  private final BridgeTransport transport;
  private final JamBridge loop;
  private final Vertx vertx;
  final Connection connection;
  private long lastSeen = System.currentTimeMillis();
  private long stallTimer = -1;
  private boolean closed;

  BridgeSocket(BridgeTransport transport, JamBridge loop, String connectionId, String remoteIp) {
    this.transport = transport;
    this.loop = loop;
    this.vertx = loop.vertx;
    this.connection = new Connection(connectionId, remoteIp, this);
    transport.handlers(this::onFrame, v -> onClosed(), t -> close(1011, "Connection error"));
  }

  long lastSeen() {
    return lastSeen;
  }

  private void onFrame(Buffer data) {
    lastSeen = System.currentTimeMillis();
    if (data.length() == PING.length() && data.equals(PING)) {
      return; // keep-alives are free: a client sends one every few seconds
    }
    boolean allowed = loop.acquire(connection, lastSeen);
    if (data.length() > MAX_FRAME_BYTES) {
      write(Frames.error("frame_too_large"));
      return;
    }
    JsonObject frame;
    String type;
    try {
      frame = new JsonObject(data);
      type = frame.getString("type");
    } catch (RuntimeException e) { // not JSON, or a field of the wrong type
      write(Frames.error("invalid_json"));
      return;
    }
    if (type == null) {
      write(Frames.error("missing_type"));
      return;
    }
    switch (type) {
      case "ping" -> { }
      case "send" -> send(frame, data.length(), allowed);
      case "register" -> register(frame, allowed);
      case "unregister" -> unregister(frame);
      case "publish" -> write(Frames.error("rejected"));
      default -> write(Frames.error("invalid_type"));
    }
  }

  private void send(JsonObject frame, int frameBytes, boolean allowed) {
    Object address = frame.getValue("address");
    Object replyAddress = frame.getValue("replyAddress");
    if (!(address instanceof String cmd) || !Addresses.PUBLIC_COMMANDS.contains(cmd)) {
      write(Frames.error("rejected"));
      return;
    }
    if (replyAddress != null && !(replyAddress instanceof String s && s.length() <= MAX_ADDRESS_LENGTH)) {
      write(Frames.error("invalid_reply_address"));
      return;
    }
    int bodyBytes = bodyBytes(frame, frameBytes);
    // §8 puts size first: an oversized body is PAYLOAD_TOO_LARGE even over budget (the relay
    // refuses it before any work).
    if (!allowed && bodyBytes <= CommandRelay.MAX_BODY_BYTES) {
      answer((String) replyAddress, Replies.error(ErrorCode.RATE_LIMITED, "Too many messages; slow down a little"));
      return;
    }
    loop.metrics.messageIn();
    loop.relay.handle(connection, cmd, frame.getValue("body"), bodyBytes)
        .onComplete(ar -> answer((String) replyAddress, ar.succeeded() ? ar.result() : Replies.error(ar.cause())));
  }

  /**
   * The body's size as sent: the frame less the rest of it (re-encoding the body itself could
   * count differently what parsing changed, e.g. escapes). A frame within the limit needs no sum.
   */
  private static int bodyBytes(JsonObject frame, int frameBytes) {
    if (frameBytes <= CommandRelay.MAX_BODY_BYTES || !frame.containsKey("body")) {
      return 0; // within the limit whatever it holds
    }
    JsonObject rest = frame.copy();
    rest.remove("body");
    // Through text: encoding straight to bytes escapes characters outside the BMP (12 bytes for 4).
    return frameBytes - rest.encode().getBytes(StandardCharsets.UTF_8).length - ",\"body\":".length();
  }

  private void answer(String replyAddress, JsonObject envelope) {
    if (replyAddress != null) {
      write(Frames.reply(replyAddress, envelope));
      loop.metrics.messageOut();
    }
  }

  private void register(JsonObject frame, boolean allowed) {
    Object address = frame.getValue("address");
    String code = address instanceof String a ? Addresses.codeOfEvents(a) : null;
    if (!allowed || code == null || !code.equals(connection.code())) {
      write(Frames.error("rejected"));
      return;
    }
    connection.listen(true);
    loop.rooms.live(connection).onSuccess(v -> {
      if (connection.isListening() && code.equals(connection.code())) {
        write(Frames.subscribed((String) address));
      }
    });
  }

  private void unregister(JsonObject frame) {
    Object address = frame.getValue("address");
    if (address instanceof String a && connection.code() != null && connection.code().equals(Addresses.codeOfEvents(a))) {
      connection.listen(false);
    }
  }

  /** Writes a frame unless the socket has stopped reading; counts what is not yet on the wire. */
  void write(Frame frame) {
    if (closed || stallTimer >= 0) {
      return; // a stalled socket gets nothing more: it is closed soon, and resyncs on resume
    }
    transport.write(frame);
    if (transport.pendingBytes() > MAX_PENDING_BYTES) {
      stallTimer = vertx.setTimer(STALL_CLOSE_MS, id -> {
        stallTimer = -1;
        if (transport.pendingBytes() > MAX_PENDING_BYTES / 8) {
          close(4008, "Too slow to read; reconnect and resume");
        } else if (connection.isListening()) {
          // It caught up, but frames were dropped meanwhile: the client resyncs on this.
          write(Frames.subscribed(Addresses.events(connection.code())));
        }
      });
    }
  }

  void close(int status, String reason) {
    if (!closed) {
      transport.close(status, reason);
      onClosed();
    }
  }

  private void onClosed() {
    if (closed) {
      return;
    }
    closed = true;
    if (stallTimer >= 0) {
      vertx.cancelTimer(stallTimer);
    }
    loop.closed(this);
  }
}
