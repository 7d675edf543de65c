package dev.jamsession.gateway.http;

import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.runtime.bus.Replies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes the reply envelope of PROTOCOL §3 over HTTP, with the status its code maps to (§7). */
public final class HttpReplies {
  private HttpReplies() {}

  public static void send(RoutingContext ctx, JsonObject envelope, int successStatus) {
    write(ctx, Replies.isSuccess(envelope) ? successStatus : Replies.codeOf(envelope).httpStatus(), envelope);
  }

  /** An envelope with a status chosen by the caller (where a route maps a code its own way). */
  public static void write(RoutingContext ctx, int status, JsonObject envelope) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(envelope.encode());
  }

  public static void ok(RoutingContext ctx, JsonObject data) {
    send(ctx, Replies.ok(data), 200);
  }

  public static void error(RoutingContext ctx, ErrorCode code, String message) {
    send(ctx, Replies.error(code, message), 200);
  }

  public static void error(RoutingContext ctx, Throwable t) {
    send(ctx, Replies.error(t), 200);
  }

  public static void rateLimited(RoutingContext ctx, long retryAfterMs) {
    ctx.response().putHeader("Retry-After", Long.toString((retryAfterMs + 999) / 1000));
    error(ctx, ErrorCode.RATE_LIMITED, "Too many requests; please wait a moment");
  }
}
