package dev.jamsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.testkit.FreePort;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Playlists outlive the server: the all-in-one jar on one DATA_DIR, stopped with SIGTERM and
 * with kill -9, started again; every acknowledged playlist and change is still there.
 */
class PlaylistRestartTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  @TempDir
  Path temp;

  @Test
  void playlistsSurviveSigtermAndKill9() throws Exception {
    int port = FreePort.loopback();
    int member = FreePort.loopback();
    Path logs = Files.createDirectories(Path.of(System.getProperty("jam.logs", "target/system-test-logs")));
    Map<String, String> env = Map.ofEntries(
        Map.entry("HOST", "127.0.0.1"), Map.entry("PORT", Integer.toString(port)),
        Map.entry("MANAGEMENT_PORT", Integer.toString(FreePort.loopback())),
        Map.entry("CLUSTER_NAME", "jam-restart-" + UUID.randomUUID()), Map.entry("CLUSTER_HOST", "127.0.0.1"),
        Map.entry("CLUSTER_PORT", Integer.toString(member)), Map.entry("CLUSTER_MEMBERS", "127.0.0.1:" + member),
        Map.entry("DATA_DIR", temp.resolve("data").toString()), Map.entry("CACHE_DIR", temp.resolve("cache").toString()));
    ServiceProcess server = new ServiceProcess("all-in-one", "dev.jamsession.launcher.JamSession", port, member, env,
        LocalCluster.jar(), logs.resolve("playlist-restart.log"));
    try {
      server.start();
      server.awaitReady(LocalCluster.READY_TIMEOUT);
      List<String> songs = Rest.songIds(port, 3);
      JsonObject first = create(port, "Before SIGTERM", songs);
      String firstId = first.getJsonObject("playlist").getString("id");

      assertThat(server.stop(LocalCluster.STOP_TIMEOUT)).as("exited on SIGTERM by itself").isNotEqualTo(-1);
      server.start();
      server.awaitReady(LocalCluster.READY_TIMEOUT);
      assertThat(songIds(get(port, firstId))).isEqualTo(songs);
      String secondId = create(port, "Before kill -9", List.of(songs.get(2), songs.get(2)))
          .getJsonObject("playlist").getString("id");
      HttpResponse<String> renamed = send(port, "PUT", firstId, "{\"name\":\"Renamed\"}", first.getString("editToken"));
      assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);

      server.kill();
      server.start();
      server.awaitReady(LocalCluster.READY_TIMEOUT);
      JsonObject again = get(port, firstId);
      assertThat(again.getString("name")).isEqualTo("Renamed");
      assertThat(songIds(again)).isEqualTo(songs);
      assertThat(songIds(get(port, secondId))).containsExactly(songs.get(2), songs.get(2));
    } finally {
      server.stop(LocalCluster.STOP_TIMEOUT);
    }
  }

  private static JsonObject create(int port, String name, List<String> songs) throws Exception {
    HttpResponse<String> r = send(port, "POST", "", new JsonObject().put("name", name).put("songIds", new JsonArray(songs)).encode(), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new JsonObject(r.body()).getJsonObject("data");
  }

  private static JsonObject get(int port, String id) throws Exception {
    HttpResponse<String> r = send(port, "GET", id, null, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body()).getJsonObject("data").getJsonObject("playlist");
  }

  private static List<String> songIds(JsonObject playlist) {
    return playlist.getJsonArray("songs").stream().map(s -> ((JsonObject) s).getString("id")).toList();
  }

  private static HttpResponse<String> send(int port, String method, String id, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/playlists" + (id.isEmpty() ? "" : "/" + id)))
        .timeout(Duration.ofSeconds(15))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
