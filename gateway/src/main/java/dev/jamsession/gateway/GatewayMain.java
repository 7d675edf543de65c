package dev.jamsession.gateway;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.catalog.CatalogConfig;
import dev.jamsession.catalog.Catalogs;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.runtime.ServiceLauncher;
import java.util.Map;

/** The gateway as its own process: a lite member serving HTTP (health and metrics included). */
public final class GatewayMain {
  private GatewayMain() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    Catalog catalog = ServiceLauncher.require(() -> Catalogs.load(CatalogConfig.fromEnv(env)));
    ServiceLauncher.run("gateway", JamNode.Role.LITE, env, (node, config) ->
        GatewayService.deploy(node, config, catalog));
  }
}
