package dev.jamsession.gateway.http;

import dev.jamsession.core.domain.Input;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import dev.jamsession.runtime.bus.InternalClient;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** REST for jams (PROTOCOL §7): create, look one up, list the listed ones. */
public record JamRoutes(InternalClient session, AdminCheck admin) {
  public void mount(Router router) {
    router.post("/api/jam/create").handler(this::create);
    router.get("/api/jam/session/:code").handler(this::session);
    router.get("/api/jam/active-sessions").handler(this::activeSessions);
  }

  private void create(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null) {
      HttpReplies.error(ctx, ErrorCode.INVALID_INPUT, "Send a JSON object like {\"hostName\": \"Ana\"}");
      return;
    }
    relay(ctx, Addresses.SESSION_CREATE, body, 201);
  }

  private void session(RoutingContext ctx) {
    String code;
    try {
      code = Input.code(ctx.pathParam("code"));
    } catch (JamException e) {
      HttpReplies.error(ctx, e);
      return;
    }
    relay(ctx, Addresses.SESSION_SUMMARY, new JsonObject().put("code", code), 200);
  }

  private void activeSessions(RoutingContext ctx) {
    relay(ctx, Addresses.SESSION_LIST, new JsonObject().put("all", admin.presented(ctx)), 200);
  }

  private void relay(RoutingContext ctx, String address, JsonObject payload, int successStatus) {
    session.request(address, payload)
        .onSuccess(reply -> HttpReplies.send(ctx, reply, successStatus))
        .onFailure(t -> HttpReplies.error(ctx, t));
  }
}
