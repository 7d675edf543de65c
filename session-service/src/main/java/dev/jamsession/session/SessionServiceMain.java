package dev.jamsession.session;

import dev.jamsession.catalog.Catalogs;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.runtime.ManagementServer;
import dev.jamsession.runtime.ServiceLauncher;
import java.util.Map;

/** session-service as its own process: a Hazelcast data member holding the jams. */
public final class SessionServiceMain {
  private SessionServiceMain() {}

  public static void main(String[] args) {
    ServiceLauncher.run("session-service", JamNode.Role.DATA, Catalogs::fromEnv, (node, config, catalog) ->
        SessionService.deploy(node, config, catalog).compose(v -> node.vertx().deployVerticle(
            new ManagementServer(node, config,
                () -> node.vertx().executeBlocking(() -> // asks the backups: not on the event loop
                    Map.of("catalog", !catalog.all().isEmpty(), "backupsInSync", node.isSafe()), false)))));
  }
}
