package dev.jamsession.gateway.http;

import dev.jamsession.runtime.PublicUrl;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GET /api/config: what the web client needs to know about this server (PROTOCOL §9), chiefly
 * the join URL phones in the room can open, which a page opened on localhost cannot know.
 */
public final class ConfigRoute {
  private final PublicUrl publicUrl;
  private final boolean tls;
  private volatile String joinUrl;
  private int resolvedPort = -1;

  public ConfigRoute(PublicUrl publicUrl, boolean tls) {
    this.publicUrl = publicUrl;
    this.tls = tls;
  }

  public void mount(Router router) {
    router.get("/api/config").handler(this::config);
  }

  /**
   * Once the port is bound: works out the join URL and prints it, as Vite prints its Network line.
   * Every gateway verticle of a node shares this route and reports the same port: printed once.
   */
  public synchronized void listening(int port) {
    if (resolvedPort == port) {
      return;
    }
    resolvedPort = port;
    joinUrl = publicUrl.resolve(tls, port).orElse(null);
    System.out.println(joinUrl != null
        ? "Phones in the room: " + joinUrl
        : "Phones in the room: no address they can reach was found; set PUBLIC_URL (or HOST)");
  }

  private void config(RoutingContext ctx) {
    HttpReplies.ok(ctx, new JsonObject().put("joinUrl", joinUrl).put("tls", tls));
  }
}
