package dev.jamsession.gateway;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** Deploys the gateway on a node; used by its main and by the all-in-one. */
public final class GatewayService {
  private GatewayService() {}

  /**
   * The node's fan-out, then one gateway verticle per core, all serving the same port (Vert.x
   * spreads the connections over their event loops). Returns the first verticle so callers
   * (tests) can read the bound port.
   */
  public static Future<GatewayVerticle> deploy(JamNode node, JamConfig config, Catalog catalog) {
    GatewayNode shared = GatewayNode.create(config, catalog, node.registry(),
        () -> node.hazelcast().getLifecycleService().isRunning(), node.nodeId());
    int loops = Math.max(1, Runtime.getRuntime().availableProcessors());
    // Vert.x shares one random port among servers that ask for a negative one (PORT=0, in tests).
    int port = config.port() == 0 ? -1 : config.port();
    List<GatewayVerticle> verticles = new ArrayList<>();
    for (int i = 0; i < loops; i++) {
      verticles.add(new GatewayVerticle(shared, port));
    }
    return node.vertx().deployVerticle(shared.fanout())
        .compose(id -> Future.all(verticles.stream().map(v -> node.vertx().deployVerticle(v)).toList()))
        .map(all -> verticles.get(0));
  }
}
