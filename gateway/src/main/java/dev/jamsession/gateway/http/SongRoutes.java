package dev.jamsession.gateway.http;

import dev.jamsession.catalog.AudioBusyException;
import dev.jamsession.catalog.AudioSource;
import dev.jamsession.catalog.Catalog;
import dev.jamsession.catalog.SearchQuery;
import dev.jamsession.catalog.SearchResult;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.protocol.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/** The catalog over HTTP: search, one song, and its audio with Range support (PROTOCOL §7). */
public record SongRoutes(Vertx vertx, Catalog catalog) {
  public void mount(Router router) {
    router.get("/api/songs").handler(this::search);
    router.get("/api/songs/:id").handler(forSong(catalog, SongRoutes::song));
    router.get("/api/songs/:id/audio").handler(this::audio);
  }

  private void search(RoutingContext ctx) {
    SearchQuery query;
    try {
      query = new SearchQuery(
          blankToNull(ctx.queryParams().get("q")),
          blankToNull(ctx.queryParams().get("genre")),
          blankToNull(ctx.queryParams().get("artist")),
          intParam(ctx, "limit", SearchQuery.DEFAULT_LIMIT, 1, SearchQuery.MAX_LIMIT),
          intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE));
    } catch (IllegalArgumentException e) {
      HttpReplies.error(ctx, ErrorCode.INVALID_INPUT, e.getMessage());
      return;
    }
    SearchResult result = catalog.search(query);
    JsonArray songs = new JsonArray();
    result.songs().forEach(s -> songs.add(new JsonObject(s.toMap())));
    HttpReplies.ok(ctx, new JsonObject().put("total", result.total()).put("songs", songs));
  }

  /** A handler of a path naming a song by {@code :id}; UNKNOWN_SONG when the catalog has none. */
  static Handler<RoutingContext> forSong(Catalog catalog, BiConsumer<RoutingContext, Song> handler) {
    return ctx -> catalog.byId(ctx.pathParam("id")).ifPresentOrElse(song -> handler.accept(ctx, song),
        () -> HttpReplies.error(ctx, ErrorCode.UNKNOWN_SONG, "No song with that id"));
  }

  private static void song(RoutingContext ctx, Song song) {
    HttpReplies.ok(ctx, new JsonObject(song.toMap()));
  }

  private void audio(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Optional<AudioSource> source = catalog.audio(id);
    if (source.isEmpty()) {
      HttpReplies.error(ctx, ErrorCode.UNKNOWN_SONG, "No audio for that song on this server");
      return;
    }
    // Looking for, rendering or stat-ing the file may block: never on the event loop. A demo
    // song renders on the catalog's bounded renderer without holding a worker thread meanwhile.
    vertx.executeBlocking(() -> source.get().whenReady(), false)
        .compose(ready -> Future.fromCompletionStage(ready, vertx.getOrCreateContext()))
        .compose(file -> vertx.executeBlocking(
            () -> new AudioFile(file, Files.size(file), Files.getLastModifiedTime(file).toMillis()), false))
        .onComplete(ar -> {
          if (ar.failed()) {
            audioFailed(ctx, ar.cause());
            return;
          }
          try {
            serveFile(ctx, source.get().contentType(), ar.result());
          } catch (Exception e) {
            HttpReplies.error(ctx, ErrorCode.INTERNAL, "The audio could not be read");
          }
        });
  }

  private static void audioFailed(RoutingContext ctx, Throwable failure) {
    if (failure instanceof CompletionException && failure.getCause() != null) {
      failure = failure.getCause();
    }
    if (failure instanceof AudioBusyException busy) {
      ctx.response().putHeader("Retry-After", Integer.toString(busy.retryAfterSeconds()));
      HttpReplies.error(ctx, ErrorCode.UNAVAILABLE, busy.getMessage());
    } else {
      HttpReplies.error(ctx, ErrorCode.INTERNAL, "The audio could not be read");
    }
  }

  private record AudioFile(Path path, long size, long modified) {}

  private static void serveFile(RoutingContext ctx, String contentType, AudioFile file) {
    long size = file.size();
    String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(file.modified()) + "\"";
    var response = ctx.response()
        .putHeader("Content-Type", contentType)
        .putHeader("Accept-Ranges", "bytes")
        .putHeader("Cache-Control", "public, max-age=86400")
        .putHeader("ETag", etag);
    if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
      response.setStatusCode(304).end();
      return;
    }
    ByteRange range = ByteRange.parse(ctx.request().getHeader("Range"), size);
    String path = file.path().toString();
    if (range == null) {
      response.putHeader("Content-Length", Long.toString(size)).sendFile(path);
    } else if (!range.satisfiable()) {
      response.setStatusCode(416).putHeader("Content-Range", "bytes */" + size).end();
    } else {
      response.setStatusCode(206)
          .putHeader("Content-Range", "bytes " + range.start() + "-" + range.end() + "/" + size)
          .putHeader("Content-Length", Long.toString(range.length()))
          .sendFile(path, range.start(), range.length());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A whole-number query parameter in [min, max]; IllegalArgumentException names it. */
  static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParams().get(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(raw.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
  }
}
