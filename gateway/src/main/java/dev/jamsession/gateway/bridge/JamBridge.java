package dev.jamsession.gateway.bridge;

import dev.jamsession.gateway.RateLimiter;
import dev.jamsession.gateway.http.ClientAddress;
import dev.jamsession.playlists.PlaylistService;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.bus.InternalClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.ContextInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-bus bridge of one gateway event loop: SockJS at /eventbus and raw WebSocket at
 * /eventbus/websocket, speaking Vert.x's bridge frames itself (docs/ARCHITECTURE.md, "The
 * bridge"). Browsers reach only the {@link CommandRelay}, with the identity bound here, and
 * receive only their own jam's events, fanned out per node by the {@link JamFanout}.
 */
public final class JamBridge {
  private static final Logger LOG = LoggerFactory.getLogger(JamBridge.class);
  /** The bridge as plain WebSocket (PROTOCOL §1): the same frames, one per message. */
  public static final String WEBSOCKET_PATH = "/eventbus/websocket";

  final Vertx vertx;
  final BridgeMetrics metrics;
  final LocalRooms rooms;
  final CommandRelay relay;
  private final JamConfig config;
  private final String nodeId;
  private final RateLimiter socketRates;
  private final RateLimiter ipRates;
  private final SocketCaps caps;
  private final ClientAddress addresses;
  private final BridgeOrigins origins;
  private final Set<BridgeSocket> sockets = new HashSet<>();
  private final ContextInternal context;
  private long pingSweep = -1;

  /**
   * One per gateway verticle, on its event loop. {@code ipRates} and {@code session} are the
   * node's (shared by its loops): a client address's budget covers all its connections.
   */
  public JamBridge(Vertx vertx, JamConfig config, JamFanout fanout, BridgeMetrics metrics, RateLimiter ipRates,
                   SocketCaps caps, ClientAddress addresses, String nodeId, PlaylistService playlists,
                   InternalClient session) {
    this.vertx = vertx;
    this.caps = caps;
    this.addresses = addresses;
    this.origins = new BridgeOrigins(config.allowedOrigins());
    this.config = config;
    this.metrics = metrics;
    this.nodeId = nodeId;
    this.ipRates = ipRates;
    this.socketRates = new RateLimiter(config.socketRateLimit(), config.socketRateWindowMs());
    this.context = (ContextInternal) vertx.getOrCreateContext();
    this.rooms = new LocalRooms(context, fanout, metrics);
    this.relay = new CommandRelay(rooms, session, playlists, context);
  }

  /** Starts the check that closes connections which stopped pinging (a phone that lost its network). */
  public void start() {
    long timeout = config.pingTimeoutMs();
    pingSweep = vertx.setPeriodic(Math.max(100, timeout / 4), id -> {
      long now = System.currentTimeMillis();
      for (BridgeSocket s : Set.copyOf(sockets)) {
        if (now - s.lastSeen() > timeout) {
          s.close(4000, "No ping within " + timeout + " ms");
        }
      }
    });
  }

  /** The Origin check of every bridge transport, for the router's /eventbus/* routes. */
  public BridgeOrigins origins() {
    return origins;
  }

  /**
   * Takes a WebSocket upgrade of {@value #WEBSOCKET_PATH}, the bridge without SockJS, ahead of the
   * router: its socket must be Vert.x's own for {@link RawWebSocketTransport} to take over its channel
   * (the router hands out wrapped ones). Anything else, and a GET there that is no upgrade,
   * is the router's.
   */
  public boolean upgrades(HttpServerRequest request) {
    if (!WEBSOCKET_PATH.equals(request.path()) || !request.canUpgradeToWebSocket()) {
      return false;
    }
    if (!origins.allows(request)) {
      BridgeOrigins.refuse(request);
      return true;
    }
    request.toWebSocket().onSuccess(ws -> {
      String ip = addresses.of(ws.remoteAddress(), ws.headers());
      open(RawWebSocketTransport.takeOver(ws, context), ip);
    });
    return true;
  }

  /** SockJS at /eventbus (its WebSocket transport only); mounted behind {@link #origins()}. */
  public Router router() {
    // WebSocket only: the polling transports accept frames from anyone who learns the session id
    // in their URLs, so another client could act as this one (docs/ARCHITECTURE.md, "The bridge").
    SockJSHandlerOptions options = new SockJSHandlerOptions()
        .setRegisterWriteHandler(false)
        .setInsertJSESSIONID(false)
        .addDisabledTransport(Transport.XHR.name())
        .addDisabledTransport(Transport.EVENT_SOURCE.name())
        .addDisabledTransport(Transport.HTML_FILE.name())
        .addDisabledTransport(Transport.JSON_P.name());
    return SockJSHandler.create(vertx, options).socketHandler(socket ->
        open(new SockJsTransport(socket), addresses.of(socket.remoteAddress(), socket.headers())));
  }

  /** {@code ip}: the client's address, as {@link ClientAddress} reads it. */
  private void open(BridgeTransport transport, String ip) {
    String refusal = caps.admit(ip);
    if (refusal != null) {
      transport.close(4029, refusal);
      return;
    }
    // The node prefix lets session-service disconnect them all if this gateway dies.
    sockets.add(new BridgeSocket(transport, this, nodeId + "/" + UUID.randomUUID(), ip));
    metrics.opened();
  }

  /** Counts one frame of the connection against its own budget and its address's. */
  boolean acquire(Connection c, long now) {
    return socketRates.acquire(c.id, now) == 0 && ipRates.acquire(c.remoteIp, now) == 0;
  }

  /**
   * A socket closed: its participant is disconnected, not removed (docs/ARCHITECTURE.md,
   * "Disconnect is not leave"); a screen just stops watching.
   */
  void closed(BridgeSocket socket) {
    if (!sockets.remove(socket)) {
      return;
    }
    metrics.closed();
    Connection c = socket.connection;
    caps.release(c.remoteIp);
    if (c.isJoined()) {
      LOG.debug("Connection {} of participant {} in jam {} closed", c.id, c.participantId(), c.code());
      relay.disconnected(c, c.code(), c.participantId());
    }
    rooms.unbind(c); // a screen too: the jam never knew it, only this node's room
    c.markClosed();
  }

  /** Resolves once no command is waiting for session-service, or after {@code maxWaitMs}. */
  public Future<Void> drain(long maxWaitMs) {
    if (pingSweep >= 0) {
      vertx.cancelTimer(pingSweep);
    }
    Promise<Void> drained = Promise.promise();
    long deadline = System.currentTimeMillis() + maxWaitMs;
    vertx.setPeriodic(1, 20, id -> {
      if (relay.inFlight() == 0 || System.currentTimeMillis() > deadline) {
        vertx.cancelTimer(id);
        drained.tryComplete();
      }
    });
    return drained.future();
  }
}
