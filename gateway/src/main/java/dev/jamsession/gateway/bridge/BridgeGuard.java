package dev.jamsession.gateway.bridge;

import dev.jamsession.core.protocol.Addresses;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge event hook: the only door between browsers and the bus (DESIGN decision 3).
 * A send to a public jam.* address is re-addressed to this gateway's {@link CommandRelay} with
 * the connection's server-side id as the only header, so nothing a client claims about itself
 * survives; everything else a client sends is refused. A connection may register only the
 * events of the jam it joined, and stops receiving them once it has left or been removed.
 */
public final class BridgeGuard implements Handler<BridgeEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(BridgeGuard.class);

  static final String HEADER_COMMAND = "jam-command";
  static final String HEADER_CONNECTION = "jam-connection";

  private final Connections connections;
  private final String relayAddress;
  private final EventBus bus;
  private final BridgeMetrics metrics;

  BridgeGuard(Connections connections, String relayAddress, EventBus bus, BridgeMetrics metrics) {
    this.connections = connections;
    this.relayAddress = relayAddress;
    this.bus = bus;
    this.metrics = metrics;
  }

  @Override
  public void handle(BridgeEvent event) {
    BridgeEventType type = event.type();
    switch (type) {
      case SOCKET_CREATED -> {
        connections.open(event.socket());
        event.complete(true);
      }
      case SOCKET_ERROR -> {
        LOG.info("Bridge connection error: {}", event.getRawMessage());
        event.complete(true);
      }
      case SOCKET_CLOSED -> {
        disconnected(connections.close(event.socket()));
        event.complete(true);
      }
      case SEND -> {
        metrics.messageIn();
        event.complete(stampCommand(event));
      }
      case REGISTER -> event.complete(mayRegister(event));
      case REGISTERED -> {
        confirmSubscription(event);
        event.complete(true);
      }
      case RECEIVE -> {
        boolean deliver = mayReceive(event);
        if (deliver) {
          metrics.messageOut();
        }
        event.complete(deliver);
      }
      case PUBLISH -> event.complete(false);
      default -> event.complete(true);
    }
  }

  private boolean stampCommand(BridgeEvent event) {
    JsonObject raw = event.getRawMessage();
    String address = raw.getString("address");
    Connection c = connections.of(event.socket());
    if (c == null || !Addresses.PUBLIC_COMMANDS.contains(address)) {
      return false;
    }
    raw.put("headers", new JsonObject().put(HEADER_COMMAND, address).put(HEADER_CONNECTION, c.id));
    raw.put("address", relayAddress);
    return true;
  }

  private boolean mayRegister(BridgeEvent event) {
    Connection c = connections.of(event.socket());
    String code = Addresses.codeOfEvents(event.getRawMessage().getString("address"));
    return c != null && code != null && code.equals(c.code());
  }

  /**
   * Tells the client its registration is live cluster-wide, so it can fetch a snapshot that
   * covers anything between its join reply and now (an event with no snapshot fields).
   */
  private static void confirmSubscription(BridgeEvent event) {
    JsonObject frame = new JsonObject()
        .put("type", "rec")
        .put("address", event.getRawMessage().getString("address"))
        .put("body", new JsonObject().put("type", "subscribed").put("rev", 0).put("data", new JsonObject()));
    event.socket().write(frame.toBuffer());
  }

  /** Replies always pass; jam events only while the connection is still in that jam. */
  private boolean mayReceive(BridgeEvent event) {
    JsonObject raw = event.getRawMessage();
    String code = Addresses.codeOfEvents(raw.getString("address"));
    if (code == null) {
      return true;
    }
    Connection c = connections.of(event.socket());
    if (c == null || !code.equals(c.code())) {
      return false;
    }
    JsonObject body = raw.getJsonObject("body");
    if (endsMembership(body, c)) {
      c.unbind(); // this event is the last one it gets
    }
    Long commandAt = body == null ? null : body.getLong("commandAt");
    if (commandAt != null) {
      metrics.broadcast(commandAt);
    }
    return true;
  }

  private static boolean endsMembership(JsonObject event, Connection c) {
    if (event == null) {
      return false;
    }
    String type = event.getString("type");
    if ("session-ended".equals(type)) {
      return true;
    }
    if ("participant-left".equals(type)) {
      JsonObject participant = event.getJsonObject("data", new JsonObject()).getJsonObject("participant");
      return participant != null && participant.getString("id", "").equals(c.participantId());
    }
    return false;
  }

  private void disconnected(Connection c) {
    if (c != null && c.isJoined()) {
      LOG.debug("Connection {} of participant {} in jam {} closed", c.id, c.participantId(), c.code());
      bus.send(Addresses.SESSION_DISCONNECT, new JsonObject()
          .put("code", c.code())
          .put("participantId", c.participantId())
          .put("connectionId", c.id));
    }
  }
}
