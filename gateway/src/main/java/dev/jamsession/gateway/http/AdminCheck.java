package dev.jamsession.gateway.http;

import dev.jamsession.runtime.AdminToken;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** The operator's bearer token (ADMIN_TOKEN); without one configured, operator views are open. */
public final class AdminCheck {
  private final AdminToken token;

  public AdminCheck(String token) {
    this.token = new AdminToken(token);
  }

  /** A request that presents the token. */
  public boolean presented(RoutingContext ctx) {
    return token.presented(ctx.request().getHeader("Authorization"));
  }

  /** Open when no token is configured, else only with it. */
  public boolean allows(RoutingContext ctx) {
    return token.allows(ctx.request().getHeader("Authorization"));
  }

  /** 401 unless {@link #allows}; e.g. before /metrics. */
  public Handler<RoutingContext> guard() {
    return token.guard();
  }
}
