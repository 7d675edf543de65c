package dev.jamsession.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.jamsession.core.catalog.Song;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** PROTOCOL §13 playlists over real HTTP, stored in the SQLite file of the embedded default. */
class PlaylistApiTest {
  @RegisterExtension
  static final JamServer server = JamServer.perClass(1, Map.of("RATE_LIMIT_MAX", "100000", "CREATE_RATE_LIMIT_MAX", "100000"));
  static List<String> songIds;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    songIds = server.catalog.all().stream().map(Song::id).toList();
  }

  HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject json(HttpResponse<String> r) {
    return new JsonObject(r.body());
  }

  static void assertRefused(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(json(r).getBoolean("success")).isFalse();
    assertThat(json(r).getString("code")).isEqualTo(code);
  }

  JsonObject create(String name, List<String> songs) throws Exception {
    HttpResponse<String> r = send("POST", "/api/playlists",
        new JsonObject().put("name", name).put("songIds", new JsonArray(songs)).encode(), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).getJsonObject("data");
  }

  @Test
  void createThenReadWithSongsInOrderAndRepeats() throws Exception {
    List<String> songs = List.of(songIds.get(3), songIds.get(1), songIds.get(3));
    JsonObject created = create("  Road trip  ", songs);
    JsonObject playlist = created.getJsonObject("playlist");
    String id = playlist.getString("id");
    String token = created.getString("editToken");
    assertThat(playlist.fieldNames()).containsExactlyInAnyOrder("id", "name", "songs", "missingCount", "createdAt", "updatedAt");
    assertThat(playlist.getString("name")).isEqualTo("Road trip");
    assertThat(playlist.getInteger("missingCount")).isZero();
    // ids and tokens are 24 random bytes in base64url: 192 bits
    assertThat(id).matches("[A-Za-z0-9_-]{32}");
    assertThat(token).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(id);

    HttpResponse<String> read = send("GET", "/api/playlists/" + id, null, null);
    assertThat(read.statusCode()).isEqualTo(200);
    JsonObject got = json(read).getJsonObject("data").getJsonObject("playlist");
    assertThat(got).isEqualTo(playlist);
    assertThat(got.getJsonArray("songs").stream().map(s -> ((JsonObject) s).getString("id")).toList()).isEqualTo(songs);
    assertThat(got.getJsonArray("songs").getJsonObject(0).fieldNames())
        .containsExactlyInAnyOrder("id", "title", "artist", "album", "genre", "year", "durationMs", "audioUrl");
    assertThat(read.body()).doesNotContain(token);
    assertThat(create("Empty", List.of()).getJsonObject("playlist").getJsonArray("songs")).isEmpty();
  }

  @Test
  void namesFollowTheRulesOfSection8UpTo60() throws Exception {
    assertThat(create("🎸".repeat(60), List.of()).getJsonObject("playlist").getString("name")).isEqualTo("🎸".repeat(60));
    for (Object bad : new Object[] {"", "   ", "a".repeat(61), "🎸".repeat(61), "bad\u0007name", "zero\u200bwidth", 5, null}) {
      String body = new JsonObject().put("name", bad).encode();
      assertRefused(send("POST", "/api/playlists", body, null), 400, "INVALID_INPUT");
    }
    assertRefused(send("POST", "/api/playlists", "not json", null), 400, "INVALID_INPUT");
    assertRefused(send("POST", "/api/playlists", "[1]", null), 400, "INVALID_INPUT");
  }

  @Test
  void atMost500SongsAllKnown() throws Exception {
    List<String> five00 = IntStream.range(0, 500).mapToObj(i -> songIds.get(i % 7)).toList();
    assertThat(create("Big", five00).getJsonObject("playlist").getJsonArray("songs")).hasSize(500);
    List<String> five01 = IntStream.range(0, 501).mapToObj(i -> songIds.get(i % 7)).toList();
    assertRefused(send("POST", "/api/playlists",
        new JsonObject().put("name", "Too big").put("songIds", new JsonArray(five01)).encode(), null), 400, "INVALID_INPUT");
    assertRefused(send("POST", "/api/playlists",
        new JsonObject().put("name", "X").put("songIds", new JsonArray(List.of(songIds.get(0), "no-such-song"))).encode(), null),
        400, "UNKNOWN_SONG");
    assertRefused(send("POST", "/api/playlists", "{\"name\":\"X\",\"songIds\":\"abc\"}", null), 400, "INVALID_INPUT");
    assertRefused(send("POST", "/api/playlists", "{\"name\":\"X\",\"songIds\":[1,2]}", null), 400, "INVALID_INPUT");
    String huge = new JsonObject().put("name", "X").put("songIds", new JsonArray(Collections.nCopies(2000, "x".repeat(40)))).encode();
    assertRefused(send("POST", "/api/playlists", huge, null), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void onlyTheEditTokenChangesOrDeletes() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    root.addAppender(logged);
    try {
      String token = tokenRules();
      assertThat(logged.list).as("no log line shows an edit token")
          .noneMatch(e -> e.getFormattedMessage().contains(token) || String.valueOf(e.getThrowableProxy()).contains(token));
    } finally {
      root.detachAppender(logged);
    }
  }

  /** Runs the token rules; answers the (valid) token they used. */
  private String tokenRules() throws Exception {
    JsonObject created = create("Mine", List.of(songIds.get(0)));
    String id = created.getJsonObject("playlist").getString("id");
    String token = created.getString("editToken");
    String rename = "{\"name\":\"Renamed\"}";
    assertRefused(send("PUT", "/api/playlists/" + id, rename, null), 403, "INVALID_TOKEN");
    assertRefused(send("PUT", "/api/playlists/" + id, rename, "wrong-token"), 403, "INVALID_TOKEN");
    assertRefused(send("PUT", "/api/playlists/" + id, rename, token.substring(1)), 403, "INVALID_TOKEN");
    assertRefused(send("DELETE", "/api/playlists/" + id, null, "wrong-token"), 403, "INVALID_TOKEN");
    assertThat(json(send("GET", "/api/playlists/" + id, null, null)).getJsonObject("data")
        .getJsonObject("playlist").getString("name")).isEqualTo("Mine");

    HttpResponse<String> renamed = send("PUT", "/api/playlists/" + id, rename, token);
    assertThat(renamed.statusCode()).isEqualTo(200);
    JsonObject p = json(renamed).getJsonObject("data").getJsonObject("playlist");
    assertThat(p.getString("name")).isEqualTo("Renamed");
    assertThat(p.getJsonArray("songs")).hasSize(1);
    assertThat(p.getLong("updatedAt")).isGreaterThanOrEqualTo(p.getLong("createdAt"));

    String reorder = new JsonObject().put("songIds", new JsonArray(List.of(songIds.get(2), songIds.get(0), songIds.get(2)))).encode();
    JsonObject reordered = json(send("PUT", "/api/playlists/" + id, reorder, token)).getJsonObject("data").getJsonObject("playlist");
    assertThat(reordered.getString("name")).isEqualTo("Renamed");
    assertThat(reordered.getJsonArray("songs").getJsonObject(0).getString("id")).isEqualTo(songIds.get(2));
    assertRefused(send("PUT", "/api/playlists/" + id, "{\"songIds\":[\"nope\"]}", token), 400, "UNKNOWN_SONG");
    assertRefused(send("PUT", "/api/playlists/" + id, "{}", token), 400, "INVALID_INPUT");
    assertRefused(send("PUT", "/api/playlists/" + id, "{\"name\":\"\"}", token), 400, "INVALID_INPUT");

    HttpResponse<String> deleted = send("DELETE", "/api/playlists/" + id, null, token);
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(json(deleted).getJsonObject("data")).isEqualTo(new JsonObject());
    assertRefused(send("GET", "/api/playlists/" + id, null, null), 404, "NOT_FOUND");
    assertRefused(send("DELETE", "/api/playlists/" + id, null, token), 404, "NOT_FOUND");
    return token;
  }

  @Test
  void unknownPlaylistsAreNotFoundForEveryMethod() throws Exception {
    for (String id : new String[] {"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "no.such", "x".repeat(200)}) {
      assertRefused(send("GET", "/api/playlists/" + id, null, null), 404, "NOT_FOUND");
      assertRefused(send("PUT", "/api/playlists/" + id, "{\"name\":\"X\"}", "any"), 404, "NOT_FOUND");
      assertRefused(send("DELETE", "/api/playlists/" + id, null, "any"), 404, "NOT_FOUND");
    }
  }
}
