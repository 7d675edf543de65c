package dev.jamsession.gateway.http;

import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import dev.jamsession.playlists.PlaylistService;
import dev.jamsession.runtime.bus.Replies;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * REST for playlists (PROTOCOL §13). The edit token arrives as a bearer header and is never
 * logged; an unknown song in a body is UNKNOWN_SONG with 400 (bad input, not a missing page).
 */
public record PlaylistRoutes(PlaylistService playlists) {
  /** 500 song ids of up to 64 characters, quoted and comma-separated, plus the name. */
  private static final int MAX_BODY_BYTES = 40 * 1024;

  /** Mount before the 1 KB body limit of /api/*: a playlist body is larger than a command. */
  public void mount(Router router) {
    router.route("/api/playlists*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)
        .setHandleFileUploads(false));
    router.post("/api/playlists").handler(this::create);
    router.get("/api/playlists/:id").handler(this::get);
    router.put("/api/playlists/:id").handler(this::update);
    router.delete("/api/playlists/:id").handler(this::delete);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body != null) {
      playlists.create(body).onComplete(ar -> {
        if (ar.succeeded()) {
          HttpReplies.send(ctx, Replies.ok(new JsonObject()
              .put("playlist", ar.result().playlist().toJson())
              .put("editToken", ar.result().editToken())), 201);
        } else {
          fail(ctx, ar.cause());
        }
      });
    }
  }

  private void get(RoutingContext ctx) {
    playlists.get(ctx.pathParam("id")).onComplete(ar -> {
      if (ar.succeeded()) {
        HttpReplies.ok(ctx, new JsonObject().put("playlist", ar.result().toJson()));
      } else {
        fail(ctx, ar.cause());
      }
    });
  }

  private void update(RoutingContext ctx) {
    JsonObject body = body(ctx);
    if (body != null) {
      playlists.update(ctx.pathParam("id"), BearerToken.of(ctx), body).onComplete(ar -> {
        if (ar.succeeded()) {
          HttpReplies.ok(ctx, new JsonObject().put("playlist", ar.result().toJson()));
        } else {
          fail(ctx, ar.cause());
        }
      });
    }
  }

  private void delete(RoutingContext ctx) {
    playlists.delete(ctx.pathParam("id"), BearerToken.of(ctx)).onComplete(ar -> {
      if (ar.succeeded()) {
        HttpReplies.ok(ctx, new JsonObject());
      } else {
        fail(ctx, ar.cause());
      }
    });
  }

  /** The JSON object of the body, or null after answering INVALID_INPUT. */
  private static JsonObject body(RoutingContext ctx) {
    try {
      return ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      HttpReplies.error(ctx, ErrorCode.INVALID_INPUT, "Send a JSON object like {\"name\": \"Road trip\"}");
      return null;
    }
  }

  private static void fail(RoutingContext ctx, Throwable t) {
    boolean unknownSong = t instanceof JamException je && je.code() == ErrorCode.UNKNOWN_SONG;
    if (unknownSong) {
      HttpReplies.write(ctx, 400, Replies.error(t));
    } else {
      HttpReplies.error(ctx, t);
    }
  }
}
