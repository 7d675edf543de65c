package dev.jamsession.launcher;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.catalog.Catalogs;
import dev.jamsession.cleanup.CleanupService;
import dev.jamsession.gateway.GatewayService;
import dev.jamsession.gateway.GatewayVerticle;
import dev.jamsession.recommender.RecommenderService;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.runtime.ServiceLauncher;
import dev.jamsession.session.SessionService;
import io.vertx.core.Future;

/**
 * The embedded default: every service in one JVM, a single full Hazelcast member, on
 * http://localhost:PORT. The same verticles run as separate processes in the distributed
 * deployment.
 */
public final class JamSession {
  private JamSession() {}

  public static void main(String[] args) {
    ServiceLauncher.run("jam-session", JamNode.Role.DATA, Catalogs::fromEnv, (node, config, catalog) ->
        deployAll(node, config, catalog).onSuccess(gateway -> System.out.println(
            "Jam Session is running on http://localhost:" + gateway.actualPort())));
  }

  /** Every service on one node; the gateway comes last so it opens only when the rest is ready. */
  public static Future<GatewayVerticle> deployAll(JamNode node, JamConfig config, Catalog catalog) {
    return SessionService.deploy(node, config, catalog)
        .compose(v -> RecommenderService.deploy(node.vertx(), catalog.all()))
        .compose(v -> CleanupService.deploy(node, config))
        .compose(v -> GatewayService.deploy(node, config, catalog));
  }
}
