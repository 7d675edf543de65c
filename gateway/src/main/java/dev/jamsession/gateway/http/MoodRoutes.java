package dev.jamsession.gateway.http;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.catalog.MoodPlay;
import dev.jamsession.core.catalog.Moods;
import dev.jamsession.core.protocol.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Moods over HTTP (PROTOCOL §13): the list, and a mood's listening sequence from the catalog. */
public final class MoodRoutes {
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 100;

  private final Catalog catalog;

  public MoodRoutes(Catalog catalog) {
    this.catalog = catalog;
  }

  public void mount(Router router) {
    router.get("/api/moods").handler(this::moods);
    router.get("/api/mood-play").handler(this::play);
  }

  private void moods(RoutingContext ctx) {
    JsonArray moods = new JsonArray();
    Moods.ALL.forEach(m -> moods.add(new JsonObject(m.toMap())));
    HttpReplies.ok(ctx, new JsonObject().put("moods", moods));
  }

  private void play(RoutingContext ctx) {
    String id = ctx.queryParams().get("mood");
    if (id == null || id.isBlank()) {
      HttpReplies.error(ctx, ErrorCode.INVALID_INPUT, "Name a mood: ?mood=chill");
      return;
    }
    Optional<Mood> mood = Moods.byId(id.strip());
    if (mood.isEmpty()) {
      HttpReplies.error(ctx, ErrorCode.NOT_FOUND, "There is no mood called " + id.strip());
      return;
    }
    int limit;
    try {
      limit = SongRoutes.intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    } catch (IllegalArgumentException e) {
      HttpReplies.error(ctx, ErrorCode.INVALID_INPUT, e.getMessage());
      return;
    }
    JsonArray songs = new JsonArray();
    MoodPlay.sequence(mood.get(), catalog.all(), limit).forEach(s -> songs.add(new JsonObject(s.toMap())));
    HttpReplies.ok(ctx, new JsonObject().put("mood", new JsonObject(mood.get().toMap())).put("songs", songs));
  }
}
