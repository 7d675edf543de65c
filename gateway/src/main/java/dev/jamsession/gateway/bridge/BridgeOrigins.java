package dev.jamsession.gateway.bridge;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Lets a browser reach the bridge only from this server's own pages or an ALLOWED_ORIGINS one:
 * a page elsewhere could otherwise act with its visitor's connection. Clients that send no
 * Origin (load tools, native apps) are not browsers acting for another site, and pass.
 */
public final class BridgeOrigins implements Handler<RoutingContext> {
  private final List<String> allowed;

  public BridgeOrigins(List<String> allowedOrigins) {
    this.allowed = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (allows(ctx.request())) {
      ctx.next();
    } else {
      refuse(ctx.request());
    }
  }

  boolean allows(HttpServerRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    return origin == null || allowed.contains(origin.toLowerCase(Locale.ROOT)) || sameHost(origin, request);
  }

  static void refuse(HttpServerRequest request) {
    request.response().setStatusCode(403).end("Origin not allowed");
  }

  /** The page's host:port is the one this request was sent to (whatever the scheme a proxy ended). */
  private static boolean sameHost(String origin, HttpServerRequest request) {
    HostAndPort authority = request.authority(); // the Host header, or HTTP/2's :authority
    try {
      URI uri = URI.create(origin);
      if (uri.getHost() == null || authority == null || !uri.getHost().equalsIgnoreCase(authority.host())) {
        return false;
      }
      int defaultPort = "https".equals(uri.getScheme()) ? 443 : 80;
      int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
      return authority.port() < 0 ? originPort == defaultPort : originPort == authority.port();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
