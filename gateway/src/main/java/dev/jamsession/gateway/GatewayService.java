package dev.jamsession.gateway;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.playlists.PlaylistConfig;
import dev.jamsession.playlists.PlaylistService;
import dev.jamsession.playlists.PlaylistStores;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** Deploys the gateway on a node; used by its main and by the all-in-one. */
public final class GatewayService {
  /**
   * Tries per request to the session service (REST and the bridge alike): they outlast the
   * detection of a vanished member (CLUSTER_FAILURE_TIMEOUT), so a request that first went to it
   * still succeeds. Creating twice on a retry costs at most an empty jam that cleanup ends; reads
   * are safe, and commands carry a request id the jam remembers.
   */
  static final int SESSION_ATTEMPTS = 3;

  private GatewayService() {}

  /**
   * Opens the playlist store (DATA_DIR or DATABASE_URL; one that cannot be used stops start-up),
   * deploys the node's fan-out, then one gateway verticle per core, all serving the same port
   * (Vert.x spreads the connections over their event loops). Returns the first verticle so
   * callers (tests) can read the bound port.
   */
  public static Future<GatewayVerticle> deploy(JamNode node, JamConfig config, Catalog catalog) {
    return Future.<PlaylistConfig>future(p -> p.complete(PlaylistConfig.fromEnv(config.env())))
        .compose(playlistConfig -> PlaylistStores.open(node.vertx(), playlistConfig))
        .compose(store -> {
          GatewayNode shared = GatewayNode.create(config, catalog,
              new PlaylistService(store, catalog, System::currentTimeMillis), node.registry(),
              () -> node.hazelcast().getLifecycleService().isRunning(), node.nodeId(),
              node.internalClient(config.internalTimeoutMs(), SESSION_ATTEMPTS));
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
        });
  }
}
