package dev.jamsession.runtime;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The operator's bearer token (ADMIN_TOKEN), compared in constant time. Without one configured,
 * operator views are open, as on a laptop in the room.
 */
public final class AdminToken {
  private final byte[] token;

  public AdminToken(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  /** An {@code Authorization} header that presents the configured token. */
  public boolean presented(String authorization) {
    if (token == null || authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8), token);
  }

  /** Open when no token is configured, else only with it. */
  public boolean allows(String authorization) {
    return token == null || presented(authorization);
  }

  /** Passes requests it {@link #allows}; answers the rest 401 with a Bearer challenge. */
  public Handler<RoutingContext> guard() {
    return ctx -> {
      if (allows(ctx.request().getHeader("Authorization"))) {
        ctx.next();
      } else {
        ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"jam-session\"")
            .putHeader("Content-Type", "text/plain; charset=utf-8").end("ADMIN_TOKEN required\n");
      }
    };
  }
}
