package dev.jamsession.runtime;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.Map;
import java.util.function.Supplier;

/**
 * /health, /ready and /metrics on MANAGEMENT_PORT for the services that have no HTTP port of
 * their own (session, recommender, cleanup), for Compose healthchecks and Prometheus; /metrics
 * needs ADMIN_TOKEN as a bearer token when one is set.
 */
public final class ManagementServer extends VerticleBase {
  private final JamNode node;
  private final int port;
  private final String host;
  private final AdminToken admin;
  private final Supplier<Future<Map<String, Boolean>>> checks;
  private HttpServer server;

  /**
   * {@code checks}: readiness conditions by name, all of which must hold (they may ask other
   * services, hence a future); cluster membership is always one.
   */
  public ManagementServer(JamNode node, JamConfig config, Supplier<Future<Map<String, Boolean>>> checks) {
    this.node = node;
    this.port = config.managementPort();
    this.host = config.host();
    this.admin = new AdminToken(config.adminToken());
    this.checks = checks;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
    router.get("/ready").handler(this::ready);
    router.get("/metrics").handler(admin.guard()).handler(PrometheusScrapingHandler.create(node.registry()));
    return vertx.createHttpServer().requestHandler(router).listen(port, host).onSuccess(s -> server = s);
  }

  public int actualPort() {
    return server.actualPort();
  }

  private void ready(RoutingContext ctx) {
    JsonObject body = new JsonObject().put("cluster", node.hazelcast().getLifecycleService().isRunning());
    checks.get().otherwise(t -> Map.of("checks", false)).onComplete(ar -> {
      ar.result().forEach(body::put);
      boolean ready = body.stream().allMatch(e -> Boolean.TRUE.equals(e.getValue()));
      body.put("status", ready ? "READY" : "NOT_READY");
      ctx.response().setStatusCode(ready ? 200 : 503);
      ctx.json(body);
    });
  }
}
