package dev.jamsession.gateway;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.playlists.PlaylistConfig;
import dev.jamsession.playlists.PlaylistService;
import dev.jamsession.playlists.PlaylistStores;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import io.vertx.core.Future;

/** Deploys the gateway on a node; used by its main and by the all-in-one. */
public final class GatewayService {
  private GatewayService() {}

  /**
   * Opens the playlist store (DATA_DIR or DATABASE_URL; one that cannot be used stops start-up)
   * and returns the verticle so callers (tests) can read the bound port.
   */
  public static Future<GatewayVerticle> deploy(JamNode node, JamConfig config, Catalog catalog) {
    return Future.<PlaylistConfig>future(p -> p.complete(PlaylistConfig.fromEnv(config.env())))
        .compose(playlistConfig -> PlaylistStores.open(node.vertx(), playlistConfig))
        .compose(store -> {
          PlaylistService playlists = new PlaylistService(store, catalog, System::currentTimeMillis);
          GatewayVerticle verticle = new GatewayVerticle(config, catalog, playlists, node.registry(),
              () -> node.hazelcast().getLifecycleService().isRunning(), node.nodeId());
          return node.vertx().deployVerticle(verticle).map(id -> verticle);
        });
  }
}
