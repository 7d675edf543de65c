package dev.jamsession.cleanup;

import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import io.vertx.core.Future;

/** Deploys the cleanup sweep on a node; used by its main and by the all-in-one. */
public final class CleanupService {
  private CleanupService() {}

  public static Future<CleanupVerticle> deploy(JamNode node, JamConfig config) {
    CleanupVerticle verticle = new CleanupVerticle(config.cleanupIntervalMs(),
        config.sessionTimeoutMs(), config.internalTimeoutMs());
    return node.vertx().deployVerticle(verticle).map(id -> verticle);
  }
}
