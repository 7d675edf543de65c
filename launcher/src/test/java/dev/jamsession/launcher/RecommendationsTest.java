package dev.jamsession.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.catalog.CatalogConfig;
import dev.jamsession.catalog.Catalogs;
import dev.jamsession.runtime.JamConfig;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.testkit.BridgeClient;
import dev.jamsession.testkit.TestCluster;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The recommender from a browser's point of view, on the all-in-one: suggestions with reasons, and autofill. */
class RecommendationsTest {
  @Test
  void theRoomGetsExplainedSuggestionsAndADryQueueIsRefilled() throws Exception {
    Vertx clients = Vertx.vertx();
    try (TestCluster cluster = new TestCluster(Map.of("RATE_LIMIT_MAX", "10000"))) {
      JamConfig config = cluster.nextConfig();
      JamNode node = cluster.start(config, JamNode.Role.DATA);
      Catalog catalog = Catalogs.load(CatalogConfig.demo(Files.createTempDirectory("jam-cache")));
      int port = JamSession.deployAll(node, config, catalog).await(60, TimeUnit.SECONDS).actualPort();
      JsonObject created = new JsonObject(HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/jam/create"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"hostName\":\"Ana\"}")).build(),
          HttpResponse.BodyHandlers.ofString()).body()).getJsonObject("data");
      String code = created.getString("sessionCode");
      BridgeClient ana = BridgeClient.connect(clients, port);
      ana.request("jam.join-session", new JsonObject().put("code", code).put("userName", "Ana")
          .put("hostToken", created.getString("hostToken")));
      ana.register("jam.events." + code);
      ana.awaitEvent("subscribed");

      String genre = catalog.all().get(0).genre();
      ana.request("jam.add-to-queue", new JsonObject().put("songId", catalog.all().get(0).id()));
      JsonObject reply = ana.request("jam.get-recommendations", new JsonObject().put("limit", 5));
      assertThat(reply.getBoolean("success")).as(reply.encode()).isTrue();
      JsonArray songs = reply.getJsonObject("data").getJsonArray("songs");
      assertThat(songs).hasSize(5);
      JsonObject first = songs.getJsonObject(0);
      assertThat(first.getJsonObject("song").fieldNames()).contains("id", "title", "artist", "audioUrl");
      assertThat(first.getJsonArray("reasons")).isNotEmpty();
      assertThat(songs.stream().map(s -> ((JsonObject) s).getJsonObject("song").getString("id")))
          .doesNotContain(catalog.all().get(0).id()); // playing now: never suggested
      assertThat(songs.stream().filter(s -> genre.equals(((JsonObject) s).getJsonObject("song").getString("genre"))))
          .isNotEmpty();

      // The only song plays and nothing is queued: autofill adds the recommender's pick.
      JsonObject filled = ana.await(f -> f.getValue("body") instanceof JsonObject b
          && "queue-updated".equals(b.getString("type"))
          && !b.getJsonObject("data").getJsonArray("queue").isEmpty()).getJsonObject("body");
      JsonObject item = filled.getJsonObject("data").getJsonArray("queue").getJsonObject(0);
      assertThat(item.getString("addedBy")).isEqualTo("Recommender");
      assertThat(item.getString("addedById")).isEqualTo("recommender");
      ana.close();
    } finally {
      clients.close().await(10, TimeUnit.SECONDS);
    }
  }
}
