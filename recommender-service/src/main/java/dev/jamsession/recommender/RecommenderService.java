package dev.jamsession.recommender;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.recommender.engine.Recommender;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collection;

/**
 * Deploys the recommender on a Vert.x instance: indexes the catalog once (off the event loop,
 * it takes about a second for 100,000 songs), then one verticle per core sharing that index.
 * Used by {@link RecommenderMain} and by an all-in-one process alike.
 */
public final class RecommenderService {
  private RecommenderService() {}

  public static Future<Void> deploy(Vertx vertx, Collection<Song> catalog) {
    int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
    return vertx.executeBlocking(() -> new Recommender(catalog))
        .compose(engine -> vertx.deployVerticle(() -> new RecommenderVerticle(engine),
            new DeploymentOptions().setInstances(instances)))
        .mapEmpty();
  }
}
