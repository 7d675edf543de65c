package dev.jamsession.cleanup;

import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.runtime.ManagementServer;
import dev.jamsession.runtime.ServiceLauncher;
import dev.jamsession.runtime.bus.InternalClient;
import java.util.Map;

/** cleanup-service as its own process: a lite member with a management port. */
public final class CleanupMain {
  private CleanupMain() {}

  public static void main(String[] args) {
    ServiceLauncher.run("cleanup-service", JamNode.Role.LITE, System.getenv(), (node, config) -> {
      InternalClient session = node.internalClient(config.internalTimeoutMs(), 1);
      return CleanupService.deploy(node, config).compose(v -> node.vertx().deployVerticle(
          new ManagementServer(node, config,
              () -> session.reachable(Addresses.SESSION_PING).map(ok -> Map.of("sessionService", ok)))));
    });
  }
}
