package dev.jamsession.gateway.http;

import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.gateway.bridge.BridgeMetrics;
import dev.jamsession.runtime.bus.InternalClient;
import dev.jamsession.runtime.bus.Replies;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;

/**
 * GET /api/status: numbers for the status page of whoever runs the server. Jam totals are
 * cluster-wide; connections, message counters and latency are this gateway's. No jam codes,
 * names or tokens.
 */
public record StatusRoute(InternalClient session, BridgeMetrics bridge, AdminCheck admin) {
  public void mount(Router router) {
    router.get("/api/status").handler(this::status);
  }

  private void status(RoutingContext ctx) {
    if (!admin.allows(ctx)) {
      HttpReplies.error(ctx, ErrorCode.NOT_HOST, "The status page needs the admin token");
      return;
    }
    session.request(Addresses.SESSION_STATS, new JsonObject()).onComplete(ar -> {
      JsonObject jams = ar.succeeded() && Replies.isSuccess(ar.result())
          ? ar.result().getJsonObject("data") : null;
      JsonObject latency = new JsonObject().put("count", bridge.broadcastLatency().count());
      for (ValueAtPercentile p : bridge.broadcastLatency().takeSnapshot().percentileValues()) {
        latency.put("p" + Math.round(p.percentile() * 100), p.value(TimeUnit.MILLISECONDS));
      }
      HttpReplies.ok(ctx, new JsonObject()
          .put("serverTime", System.currentTimeMillis())
          .put("jams", jams)
          .put("connections", bridge.connections())
          .put("messagesIn", bridge.messagesIn())
          .put("messagesOut", bridge.messagesOut())
          .put("broadcastLatencyMs", latency));
    });
  }
}
