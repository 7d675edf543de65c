package dev.jamsession.cleanup;

import dev.jamsession.runtime.JamNode;
import dev.jamsession.runtime.ManagementServer;
import dev.jamsession.runtime.ServiceLauncher;
import java.util.Map;

/** cleanup-service as its own process: a lite member with a management port. */
public final class CleanupMain {
  private CleanupMain() {}

  public static void main(String[] args) {
    ServiceLauncher.run("cleanup-service", JamNode.Role.LITE, System.getenv(), (node, config) ->
        CleanupService.deploy(node, config).compose(v -> node.vertx().deployVerticle(
            new ManagementServer(node, config.managementPort(), config.host(), Map::of))));
  }
}
