package dev.jamsession.gateway;

import static dev.jamsession.gateway.BridgeReplies.ok;
import static dev.jamsession.gateway.BridgeReplies.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.gateway.JamServer.Member;
import dev.jamsession.playlists.PlaylistConfig;
import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * jam.queue-playlist end to end (PROTOCOL §13): a playlist stored over the real REST API in the
 * embedded database, resolved by the gateway, queued by session-service, seen over WebSocket.
 */
class QueuePlaylistOverBridgeTest {
  @RegisterExtension
  static final JamServer server = JamServer.perClass(1, Map.of("RATE_LIMIT_MAX", "100000", "CREATE_RATE_LIMIT_MAX", "100000"));

  /** A playlist created over HTTP, as the web client does; its id. */
  static String playlist(String name, int... songNumbers) throws Exception {
    JsonArray ids = new JsonArray();
    for (int n : songNumbers) {
      ids.add(server.songId(n));
    }
    HttpResponse<String> r = server.post("/api/playlists", new JsonObject().put("name", name).put("songIds", ids).encode());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new JsonObject(r.body()).getJsonObject("data").getJsonObject("playlist").getString("id");
  }

  /** session-service's count of songs added to queues. */
  static double songsAdded() {
    return server.sessionNodes.get(0).registry().get("jam.songs.added").counter().count();
  }

  static List<String> queueSongIds(JsonObject holder) {
    return holder.getJsonArray("queue").stream()
        .map(i -> ((JsonObject) i).getJsonObject("song").getString("id")).toList();
  }

  @Test
  void theHostQueuesAStoredPlaylistInOrderUntilTheQueueIsFull() throws Exception {
    JsonObject created = server.create("Ana", new JsonObject().put("maxQueueSize", 4).put("autoPlay", false));
    String code = created.getString("sessionCode");
    Member ana = server.join(code, "Ana", created.getString("hostToken"));
    Member ben = server.join(code, "Ben", null);
    ok(ben.add(server.songId(0)));

    // 1 is added, 0 (queued by Ben) and the repeat of 1 are skipped, 2 and 3 fill the queue,
    // 4 and 5 find it full and are not counted.
    String mix = playlist("Mix", 1, 0, 1, 2, 3, 4, 5);

    refused(ben.send("jam.queue-playlist", new JsonObject().put("playlistId", mix)), "NOT_HOST");
    refused(ana.send("jam.queue-playlist", new JsonObject().put("playlistId", "no-such-playlist")), "NOT_FOUND");
    refused(ana.send("jam.queue-playlist", new JsonObject()), "INVALID_INPUT");
    BridgeClient stranger = server.connect();
    refused(stranger.request("jam.queue-playlist", new JsonObject().put("playlistId", mix)), "NOT_JOINED");

    // The client's requestId goes through: the retry is answered with the first run's counts and
    // rev. A songIds the client sends is not what gets queued: the gateway resolves the playlist.
    JsonObject body = new JsonObject().put("playlistId", mix).put("requestId", "qp-1")
        .put("songIds", new JsonArray().add(server.songId(6)).add(server.songId(7)));
    double addedBefore = songsAdded();
    JsonObject first = ok(ana.send("jam.queue-playlist", body));
    assertThat(first.getInteger("added")).isEqualTo(3);
    assertThat(first.getInteger("skipped")).isEqualTo(2);
    long rev = first.getLong("rev");
    assertThat(ok(ana.send("jam.queue-playlist", body))).isEqualTo(first);
    assertThat(songsAdded() - addedBefore).as("jam.songs.added counts each song, the retry none").isEqualTo(3);

    List<String> expected = List.of(server.songId(0), server.songId(1), server.songId(2), server.songId(3));
    for (Member m : List.of(ana, ben)) {
      JsonObject event = m.client().await(f -> f.getValue("body") instanceof JsonObject b
          && "queue-updated".equals(b.getString("type")) && b.getLong("rev", 0L) >= rev).getJsonObject("body");
      assertThat(event.getLong("rev")).isEqualTo(rev);
      JsonObject data = event.getJsonObject("data");
      assertThat(queueSongIds(data)).containsExactlyElementsOf(expected);
      assertThat(data.getJsonArray("queue").stream().skip(1).map(i -> ((JsonObject) i).getString("addedById")))
          .containsOnly(ana.id());
    }
    JsonObject snapshot = ok(ana.send("jam.snapshot", null));
    assertThat(snapshot.getLong("rev")).isEqualTo(rev);
    assertThat(queueSongIds(snapshot)).containsExactlyElementsOf(expected);

    refused(ana.send("jam.queue-playlist", new JsonObject().put("playlistId", mix)), "QUEUE_FULL");
  }

  /** Songs the jam's rules refuse (§11) are passed over and counted as skipped, where they stand. */
  @Test
  void songsTheJamsRulesRefuseAreSkipped() throws Exception {
    List<Song> songs = server.catalog.all();
    String genre = songs.get(0).genre();
    int other = IntStream.range(0, songs.size())
        .filter(i -> !songs.get(i).genre().equalsIgnoreCase(genre)).findFirst().orElseThrow();
    JsonObject created = server.create("Ana", new JsonObject().put("autoPlay", false)
        .put("blockedGenres", new JsonArray().add(genre.toUpperCase())));
    Member ana = server.join(created.getString("sessionCode"), "Ana", created.getString("hostToken"));
    JsonObject queued = ok(ana.send("jam.queue-playlist",
        new JsonObject().put("playlistId", playlist("Ruled", 0, other, 0))));
    assertThat(queued.getInteger("added")).isEqualTo(1);
    assertThat(queued.getInteger("skipped")).isEqualTo(2);
    assertThat(queueSongIds(ok(ana.send("jam.snapshot", null)))).containsExactly(server.songId(other));
  }

  /**
   * The playlist database failing (its table taken away from under the server, in the same
   * SQLite file, by another connection) is UNAVAILABLE for queue-playlist and 503 for the REST
   * of §13, while the jam goes on.
   */
  @Test
  void aPlaylistDatabaseThatFailsIsUnavailableAndTheJamGoesOn() throws Exception {
    Member ana = server.hostOfNewJam("Ana");
    String code = ana.code();
    String mix = playlist("Later", 8, 9);
    String file = PlaylistConfig.fromEnv(server.cluster.nextConfig().env()).databaseFile().toAbsolutePath().toString();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement sql = db.createStatement()) {
      sql.execute("ALTER TABLE playlists RENAME TO playlists_away");
      try {
        refused(ana.send("jam.queue-playlist", new JsonObject().put("playlistId", mix)), "UNAVAILABLE");
        ok(ana.add(server.songId(10)));
        for (HttpResponse<String> r : List.of(server.get("/api/playlists/" + mix),
            server.post("/api/playlists", new JsonObject().put("name", "Meanwhile").encode()))) {
          assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
          assertThat(new JsonObject(r.body()).getString("code")).isEqualTo("UNAVAILABLE");
        }
      } finally {
        sql.execute("ALTER TABLE playlists_away RENAME TO playlists");
      }
    }
    JsonObject queued = ok(ana.send("jam.queue-playlist", new JsonObject().put("playlistId", mix)));
    assertThat(queued.getInteger("added")).isEqualTo(2);
    assertThat(queued.getInteger("skipped")).isZero();
    JsonObject snapshot = ok(ana.send("jam.snapshot", null));
    assertThat(snapshot.getJsonObject("current").getJsonObject("song").getString("id")).isEqualTo(server.songId(10));
    assertThat(queueSongIds(snapshot)).containsExactly(server.songId(8), server.songId(9));
  }
}
