package dev.jamsession.recommender;

import dev.jamsession.catalog.Catalogs;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.runtime.ManagementServer;
import dev.jamsession.runtime.ServiceLauncher;
import io.vertx.core.Future;
import java.util.Map;

/** recommender-service as its own process: a lite member scoring the catalog on request. */
public final class RecommenderMain {
  private RecommenderMain() {}

  public static void main(String[] args) {
    ServiceLauncher.run("recommender-service", JamNode.Role.LITE, Catalogs::fromEnv, (node, config, catalog) ->
        RecommenderService.deploy(node.vertx(), catalog.all()).compose(v ->
            node.vertx().deployVerticle(new ManagementServer(node, config,
                () -> Future.succeededFuture(Map.of("catalog", !catalog.all().isEmpty()))))));
  }
}
