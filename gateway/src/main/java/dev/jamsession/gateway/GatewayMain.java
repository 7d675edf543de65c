package dev.jamsession.gateway;

import dev.jamsession.catalog.Catalogs;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.runtime.ServiceLauncher;

/** The gateway as its own process: a lite member serving HTTP (health and metrics included). */
public final class GatewayMain {
  private GatewayMain() {}

  public static void main(String[] args) {
    ServiceLauncher.run("gateway", JamNode.Role.LITE, Catalogs::fromEnv, GatewayService::deploy);
  }
}
