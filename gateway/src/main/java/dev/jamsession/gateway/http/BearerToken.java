package dev.jamsession.gateway.http;

import io.vertx.ext.web.RoutingContext;

/** The secret of an {@code Authorization: Bearer <token>} header. */
final class BearerToken {
  private BearerToken() {}

  /** The token, or null when the request presents none. */
  static String of(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      return null;
    }
    String token = header.substring(7).strip();
    return token.isEmpty() ? null : token;
  }
}
