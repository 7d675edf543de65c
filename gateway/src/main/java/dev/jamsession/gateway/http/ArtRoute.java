package dev.jamsession.gateway.http;

import dev.jamsession.catalog.AudioSource;
import dev.jamsession.catalog.Catalog;
import dev.jamsession.catalog.Picture;
import dev.jamsession.core.catalog.Song;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * GET /api/songs/:id/art: a CATALOG_FILE entry's own artUrl (a redirect), the picture embedded
 * in the song's file, else a cover drawn for its album (PROTOCOL §9). Like audio, covers are many requests per page and are cached by the
 * browser, so the route is mounted ahead of the REST rate limit.
 */
public record ArtRoute(Vertx vertx, Catalog catalog) {
  public void mount(Router router) {
    router.get("/api/songs/:id/art").handler(SongRoutes.forSong(catalog, this::art));
  }

  private void art(RoutingContext ctx, Song song) {
    Optional<String> own = catalog.artUrl(song.id());
    if (own.isPresent()) {
      ctx.response().setStatusCode(302).putHeader("Location", own.get())
          .putHeader("Cache-Control", "public, max-age=86400").end();
      return;
    }
    Optional<AudioSource> audio = catalog.audio(song.id());
    // Reading tags touches the file: never on the event loop.
    vertx.executeBlocking(() -> audio.flatMap(AudioSource::picture), false).onComplete(ar -> {
      Optional<Picture> picture = ar.succeeded() ? ar.result() : Optional.empty();
      if (picture.isPresent()) {
        send(ctx, picture.get().mimeType(), Buffer.buffer(picture.get().data()));
      } else {
        String svg = CoverArt.svg(song.artist(), song.album());
        send(ctx, "image/svg+xml", Buffer.buffer(svg.getBytes(StandardCharsets.UTF_8)));
      }
    });
  }

  private static void send(RoutingContext ctx, String type, Buffer body) {
    String etag = "\"" + digest(body.getBytes()) + "\"";
    var response = ctx.response()
        .putHeader("Cache-Control", "public, max-age=86400")
        .putHeader("ETag", etag)
        // An SVG opened on its own is a document: it may run nothing.
        .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .putHeader("X-Content-Type-Options", "nosniff");
    if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader("Content-Type", type).end(body);
  }

  private static String digest(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
