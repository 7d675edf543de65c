package dev.jamsession.gateway;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import io.vertx.core.Future;

/** Deploys the gateway on a node; used by its main and by the all-in-one. */
public final class GatewayService {
  private GatewayService() {}

  /** Returns the verticle so callers (tests) can read the bound port. */
  public static Future<GatewayVerticle> deploy(JamNode node, JamConfig config, Catalog catalog) {
    GatewayVerticle verticle = new GatewayVerticle(config, catalog, node.registry(),
        () -> node.hazelcast().getLifecycleService().isRunning(), node.nodeId());
    return node.vertx().deployVerticle(verticle).map(id -> verticle);
  }
}
