package dev.jamsession.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The recommender from a browser's point of view, on the all-in-one: suggestions with reasons, and autofill. */
class RecommendationsTest {
  @Test
  void theRoomGetsExplainedSuggestionsAndADryQueueIsRefilled() throws Exception {
    try (AllInOne server = new AllInOne()) {
      Catalog catalog = server.catalog;
      JsonObject created = server.create("Ana");
      BridgeClient ana = server.join(created.getString("sessionCode"), "Ana", created.getString("hostToken"), true);

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

      // Nothing queued and the only song near its end: autofill adds the recommender's pick.
      ana.request("jam.playback-update", new JsonObject()
          .put("positionMs", catalog.all().get(0).durationMs() - 10_000));
      JsonObject filled = ana.await(f -> f.getValue("body") instanceof JsonObject b
          && "queue-updated".equals(b.getString("type"))
          && !b.getJsonObject("data").getJsonArray("queue").isEmpty()).getJsonObject("body");
      JsonObject item = filled.getJsonObject("data").getJsonArray("queue").getJsonObject(0);
      assertThat(item.getString("addedBy")).isEqualTo("Recommender");
      assertThat(item.getString("addedById")).isEqualTo("recommender");
    }
  }
}
