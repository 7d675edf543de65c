package dev.jamsession.gateway.bridge;

import dev.jamsession.gateway.RateLimiter;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.bus.InternalClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import java.util.UUID;

/**
 * The SockJS event-bus bridge of one gateway verticle (/eventbus, and raw WebSocket at
 * /eventbus/websocket). Browsers can reach only this gateway's command relay, through the
 * {@link BridgeGuard}, and receive only their own jam's events.
 */
public final class JamBridge {
  /** Tries per command: enough to outlast the failure detection of a dead session member. */
  static final int INTERNAL_ATTEMPTS = 3;
  private static final String EVENTS_PATTERN = "jam\\.events\\.[A-Z0-9]{6}";

  private final Vertx vertx;
  private final JamConfig config;
  private final Connections connections;
  private final String relayAddress = "gateway.relay." + UUID.randomUUID();

  private final BridgeMetrics metrics;
  private CommandRelay relay;

  public JamBridge(Vertx vertx, JamConfig config, MeterRegistry registry, String nodeId) {
    this.vertx = vertx;
    this.connections = new Connections(nodeId, config.trustProxy());
    this.config = config;
    this.metrics = new BridgeMetrics(registry, connections::size);
  }

  public BridgeMetrics metrics() {
    return metrics;
  }

  /** Registers the relay consumer (once per gateway verticle: a single cluster registration). */
  public Future<Void> start() {
    relay = new CommandRelay(connections,
        new RateLimiter(config.socketRateLimit(), config.socketRateWindowMs()),
        new RateLimiter(config.socketIpRateLimit(), config.socketRateWindowMs()),
        new InternalClient(vertx.eventBus(), config.internalTimeoutMs(), INTERNAL_ATTEMPTS));
    return vertx.eventBus().consumer(relayAddress, relay::handle).completion();
  }

  public Router router() {
    SockJSBridgeOptions options = new SockJSBridgeOptions()
        .addInboundPermitted(new PermittedOptions().setAddress(relayAddress))
        .addOutboundPermitted(new PermittedOptions().setAddressRegex(EVENTS_PATTERN))
        .setPingTimeout(config.pingTimeoutMs())
        .setReplyTimeout(config.internalTimeoutMs() * (INTERNAL_ATTEMPTS + 1))
        .setMaxHandlersPerSocket(64)
        .setMaxAddressLength(64);
    SockJSHandlerOptions sockOptions = new SockJSHandlerOptions()
        .setRegisterWriteHandler(false)
        .setInsertJSESSIONID(false);
    return SockJSHandler.create(vertx, sockOptions)
        .bridge(options, new BridgeGuard(connections, relayAddress, vertx.eventBus(), metrics));
  }

  /** Resolves once no command is waiting for session-service, or after {@code maxWaitMs}. */
  public Future<Void> drain(long maxWaitMs) {
    Promise<Void> drained = Promise.promise();
    long deadline = System.currentTimeMillis() + maxWaitMs;
    vertx.setPeriodic(1, 20, id -> {
      if (relay == null || relay.inFlight() == 0 || System.currentTimeMillis() > deadline) {
        vertx.cancelTimer(id);
        drained.tryComplete();
      }
    });
    return drained.future();
  }
}
