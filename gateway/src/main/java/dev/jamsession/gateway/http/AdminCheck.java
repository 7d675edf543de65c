package dev.jamsession.gateway.http;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The operator's bearer token (ADMIN_TOKEN); without one configured, operator views are open. */
public final class AdminCheck {
  private final String token;

  public AdminCheck(String token) {
    this.token = token;
  }

  /** A request that presents the token. */
  public boolean presented(RoutingContext ctx) {
    String presented = BearerToken.of(ctx);
    if (token == null || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }

  /** Open when no token is configured, else only with it. */
  public boolean allows(RoutingContext ctx) {
    return token == null || presented(ctx);
  }
}
