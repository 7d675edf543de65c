package dev.jamsession.gateway;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.gateway.bridge.JamBridge;
import dev.jamsession.gateway.http.AdminCheck;
import dev.jamsession.gateway.http.ArtRoute;
import dev.jamsession.gateway.http.HttpReplies;
import dev.jamsession.gateway.http.StatusRoute;
import dev.jamsession.gateway.http.JamRoutes;
import dev.jamsession.gateway.http.MoodRoutes;
import dev.jamsession.gateway.http.PlaylistRoutes;
import dev.jamsession.gateway.http.SongRoutes;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.bus.InternalClient;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP edge: REST, the SockJS bridge, static web client, audio, health and metrics. */
public final class GatewayVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

  private final GatewayNode node;
  private final JamConfig config;
  private final Catalog catalog;
  private final int port;
  /** DRAIN_DELAY: how long /ready fails on SIGTERM before connections close (0: no wait). */
  private final long drainDelayMs;
  private HttpServer server;
  private JamBridge bridge;
  /** Set on SIGTERM: /ready and /ready/local answer 503 so the load balancer sends no new clients here. */
  private volatile boolean stopping;

  /** One of the node's gateway verticles (one per event loop), serving {@code port}. */
  GatewayVerticle(GatewayNode node, int port) {
    this.node = node;
    this.config = node.config();
    this.catalog = node.catalog();
    this.port = port;
    this.drainDelayMs = new JamConfig.Vars(config.env()).duration("DRAIN_DELAY", 0);
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    if (!config.allowedOrigins().isEmpty()) {
      router.route().handler(CorsHandler.create()
          .addOrigins(config.allowedOrigins())
          .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.OPTIONS))
          .allowedHeader("Content-Type")
          .allowedHeader("Authorization"));
    }
    new ArtRoute(vertx, catalog).mount(router); // ahead of the REST limits: a page asks for many covers
    router.route("/api/*").handler(node.restLimits()::handle);
    new PlaylistRoutes(node.playlists()).mount(router); // before the 1 KB limit: it takes larger bodies
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(1024).setHandleFileUploads(false));
    InternalClient session = node.session();
    AdminCheck admin = new AdminCheck(config.adminToken());
    bridge = new JamBridge(vertx, config, node.fanout(), node.bridgeMetrics(), node.socketIpLimits(),
        node.socketCaps(), node.clientAddress(), node.nodeId(), node.playlists(), session);
    new JamRoutes(session, admin).mount(router);
    new StatusRoute(session, node.bridgeMetrics(), admin).mount(router);
    new SongRoutes(vertx, catalog).mount(router);
    new MoodRoutes(catalog).mount(router);
    node.configRoute().mount(router);
    router.route("/api/*").handler(ctx -> HttpReplies.error(ctx, ErrorCode.NOT_FOUND, "No such API"));

    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router.get("/ready").handler(ctx -> ready(ctx, session));
    router.get("/ready/local").handler(this::readyLocal);
    router.get("/metrics").handler(admin.guard()).handler(PrometheusScrapingHandler.create(node.registry()));

    router.route("/eventbus/*").handler(bridge.origins());
    router.route("/eventbus/*").subRouter(bridge.router());
    router.route("/eventbus/*").handler(ctx -> ctx.response().setStatusCode(404).end()); // a transport that is off

    router.route().handler(StaticHandler.create("webroot").setCachingEnabled(true));
    // The client routes (e.g. /status, /?code=...) are the single page's own.
    router.get().handler(ctx -> ctx.response().sendFile("webroot/index.html").onFailure(ctx::fail));
    router.route().failureHandler(GatewayVerticle::failure);

    HttpServerOptions options = node.tls().apply(new HttpServerOptions())
        .setMaxWebSocketFrameSize(64 * 1024)
        .setMaxWebSocketMessageSize(64 * 1024)
        // Deflating each socket's copy of an event would undo encoding it once
        // (docs/ARCHITECTURE.md, "The fan-out path").
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false)
        // A socket closed for not reading cannot take the close handshake: drop it soon.
        .setWebSocketClosingTimeout(2)
        // Every response is written from its connection's event loop, so the connection needs no
        // cross-thread write queue (a 4 KB array each). The raw WebSocket's own connection ignores this
        // mode, so RawWebSocketTransport takes its channel over after the upgrade.
        .setStrictThreadMode(true)
        .setCompressionSupported(true);
    bridge.start();
    Handler<HttpServerRequest> requests = req -> {
      if (!bridge.upgrades(req)) {
        router.handle(req);
      }
    };
    return vertx.createHttpServer(options).requestHandler(requests).listen(port, config.host())
        .onSuccess(s -> {
          server = s;
          node.configRoute().listening(s.actualPort());
        });
  }

  /**
   * SIGTERM: fail /ready at once and keep serving for DRAIN_DELAY, so the load balancer's health
   * check takes this gateway out before anything closes; then finish the commands in flight,
   * stop accepting and close every connection. Browsers reconnect (to another gateway) and
   * resume with their tokens.
   */
  @Override
  public Future<?> stop() {
    stopping = true;
    LOG.info("Stopping: /ready and /ready/local fail now; connections close in {} ms", drainDelayMs);
    Future<Void> delay = drainDelayMs <= 0 ? Future.succeededFuture()
        : Future.future(p -> vertx.setTimer(drainDelayMs, id -> p.complete()));
    return delay.compose(v -> bridge.drain(3_000)).compose(v -> server.shutdown(2, TimeUnit.SECONDS));
  }

  /** The port actually bound (PORT=0 picks a free one, as tests do). */
  public int actualPort() {
    return server.actualPort();
  }

  /** Ready when in the cluster, with songs, and a session-service instance answers. */
  private void ready(RoutingContext ctx, InternalClient session) {
    if (answeredStopping(ctx)) {
      return;
    }
    JsonObject checks = localChecks();
    session.reachable(Addresses.SESSION_PING).onComplete(ar ->
        answer(ctx, checks.put("sessionService", ar.succeeded() && ar.result())));
  }

  /**
   * Ready as far as this process goes: in the cluster, with songs, and not draining; whether a
   * session-service answers is left out. The load balancer checks this one: a session member's
   * failover makes /ready fail on every gateway at once, which would take them all out of the
   * load balancer together, while the gateways themselves still serve (and retry that failover).
   */
  private void readyLocal(RoutingContext ctx) {
    if (!answeredStopping(ctx)) {
      answer(ctx, localChecks());
    }
  }

  /** Answers 503 STOPPING once SIGTERM came; false (nothing answered) before. */
  private boolean answeredStopping(RoutingContext ctx) {
    if (stopping) {
      ctx.response().setStatusCode(503);
      ctx.json(new JsonObject().put("status", "STOPPING"));
    }
    return stopping;
  }

  private JsonObject localChecks() {
    return new JsonObject()
        .put("cluster", node.clusterReady().getAsBoolean())
        .put("catalog", !catalog.all().isEmpty());
  }

  /** READY (200) when every check passed, NOT_READY (503) otherwise, with the checks. */
  private static void answer(RoutingContext ctx, JsonObject checks) {
    boolean ready = checks.stream().allMatch(e -> Boolean.TRUE.equals(e.getValue()));
    ctx.response().setStatusCode(ready ? 200 : 503);
    ctx.json(new JsonObject().put("status", ready ? "READY" : "NOT_READY").mergeIn(checks));
  }

  private static void failure(RoutingContext ctx) {
    int status = ctx.statusCode();
    if (ctx.failure() != null) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
    }
    ErrorCode code = switch (status) {
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      case 400 -> ErrorCode.INVALID_INPUT;
      case 404 -> ErrorCode.NOT_FOUND;
      default -> ErrorCode.INTERNAL;
    };
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    HttpReplies.error(ctx, code, code == ErrorCode.PAYLOAD_TOO_LARGE
        ? "Requests are limited to 1 KB" : code == ErrorCode.NOT_FOUND ? "Not found" : "The request could not be handled");
  }
}
