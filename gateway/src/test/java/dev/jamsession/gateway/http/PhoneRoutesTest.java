package dev.jamsession.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.catalog.CatalogConfig;
import dev.jamsession.catalog.Catalogs;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.runtime.PublicUrl;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/config and GET /api/songs/:id/art over a real socket; the TLS variables' checks. */
class PhoneRoutesTest {
  static Vertx vertx;
  static HttpServer server;
  static Catalog catalog;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start(@TempDir Path cache) throws Exception {
    vertx = Vertx.vertx();
    catalog = Catalogs.load(CatalogConfig.demo(cache));
    Router router = Router.router(vertx);
    ConfigRoute config = new ConfigRoute(PublicUrl.fromEnv(Map.of("PUBLIC_URL", "https://jam.example:8443")), true);
    config.mount(router);
    new ArtRoute(vertx, catalog).mount(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    config.listening(server.actualPort());
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void configCarriesTheJoinUrl() throws Exception {
    HttpResponse<String> r = get("/api/config");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject data = new JsonObject(r.body()).getJsonObject("data");
    assertThat(data.getString("joinUrl")).isEqualTo("https://jam.example:8443");
    assertThat(data.getBoolean("tls")).isTrue();
  }

  @Test
  void demoAlbumsGetDistinctCoversAndAnAlbumSharesOne() throws Exception {
    Map<String, List<Song>> byAlbum = catalog.all().stream()
        .collect(Collectors.groupingBy(s -> s.artist() + "/" + s.album()));
    List<List<Song>> albums = byAlbum.values().stream().filter(l -> l.size() >= 2).limit(2).toList();
    assertThat(albums).hasSize(2);
    String a1 = get("/api/songs/" + albums.get(0).get(0).id() + "/art").body();
    String a1again = get("/api/songs/" + albums.get(0).get(1).id() + "/art").body();
    String a2 = get("/api/songs/" + albums.get(1).get(0).id() + "/art").body();
    assertThat(a1).startsWith("<svg").isEqualTo(a1again).isNotEqualTo(a2);
    long distinct = catalog.all().stream().map(s -> CoverArt.svg(s.artist(), s.album())).distinct().count();
    assertThat(distinct).isEqualTo(byAlbum.size());
  }

  @Test
  void coversAreCachedAndRevalidated() throws Exception {
    String id = catalog.all().get(0).id();
    HttpResponse<String> first = get("/api/songs/" + id + "/art");
    assertThat(first.headers().firstValue("Content-Type")).contains("image/svg+xml");
    assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age"));
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(get("/api/songs/" + id + "/art", "If-None-Match", etag).statusCode()).isEqualTo(304);
    assertThat(get("/api/songs/nope/art").statusCode()).isEqualTo(404);
  }

  @Test
  void aCatalogFileCoverIsARedirectToItsArtUrl(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("songs.json"), "[{\"id\":\"ext1\",\"title\":\"T\",\"artist\":\"A\","
        + "\"durationMs\":1000,\"audioUrl\":\"https://cdn.example/1.mp3\",\"artUrl\":\"https://cdn.example/1.jpg\"},"
        + "{\"id\":\"ext2\",\"title\":\"U\",\"artist\":\"A\",\"durationMs\":1000,\"audioUrl\":\"https://cdn.example/2.mp3\"}]");
    Catalog fileCatalog = Catalogs.load(new CatalogConfig(null, file, dir.resolve("cache")));
    Router router = Router.router(vertx);
    new ArtRoute(vertx, fileCatalog).mount(router);
    HttpServer own = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    try {
      HttpClient http = HttpClient.newHttpClient(); // does not follow redirects
      String base = "http://127.0.0.1:" + own.actualPort();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/songs/ext1/art")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(302);
      assertThat(r.headers().firstValue("Location")).contains("https://cdn.example/1.jpg");
      HttpResponse<String> drawn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/songs/ext2/art")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(drawn.body()).startsWith("<svg");
    } finally {
      own.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void albumTitlesCannotInjectMarkup() {
    assertThat(CoverArt.svg("x", "<script>alert(1)</script> & co")).doesNotContain("<script").contains("&lt;");
    assertThat(CoverArt.initials("night drive")).isEqualTo("ND");
  }

  @Test
  void tlsNeedsBothReadablePemFiles(@TempDir Path dir) throws Exception {
    Path notPem = Files.writeString(dir.resolve("x.pem"), "hello");
    assertThat(TlsSetup.fromEnv(Map.of()).enabled()).isFalse();
    assertThatThrownBy(() -> TlsSetup.fromEnv(Map.of("TLS_CERT_FILE", notPem.toString())))
        .hasMessageContaining("TLS_KEY_FILE");
    assertThatThrownBy(() -> TlsSetup.fromEnv(Map.of("TLS_CERT_FILE", dir.resolve("missing").toString(),
        "TLS_KEY_FILE", notPem.toString()))).hasMessageContaining("TLS_CERT_FILE");
    Path cert = Files.writeString(dir.resolve("c.pem"), "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> TlsSetup.fromEnv(Map.of("TLS_CERT_FILE", cert.toString(), "TLS_KEY_FILE", notPem.toString())))
        .hasMessageContaining("TLS_KEY_FILE");
  }
}
