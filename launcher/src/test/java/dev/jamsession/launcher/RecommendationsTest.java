package dev.jamsession.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.catalog.Catalog;
import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.catalog.Moods;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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

  /** The demo library has dozens of songs in every mood: a jam's mood keeps what it is offered in it. */
  @Test
  void theJamsMoodSteersSuggestionsAndAutofillAndARequestMayAskAnother() throws Exception {
    try (AllInOne server = new AllInOne()) {
      Map<String, Song> songs = server.catalog.all().stream().collect(Collectors.toMap(Song::id, s -> s));
      Mood chill = Moods.byId("chill").orElseThrow();
      Mood energetic = Moods.byId("energetic").orElseThrow();
      JsonObject created = server.create("Ana");
      BridgeClient ana = server.join(created.getString("sessionCode"), "Ana", created.getString("hostToken"), true);
      JsonObject set = ana.request("jam.update-settings", new JsonObject().put("mood", "chill"));
      assertThat(set.getJsonObject("data").getJsonObject("settings").getString("mood")).as(set.encode()).isEqualTo("chill");
      Song loud = server.catalog.all().stream().filter(energetic::contains).findFirst().orElseThrow();
      ana.request("jam.add-to-queue", new JsonObject().put("songId", loud.id())); // the room's taste is loud

      assertThat(suggested(ana, new JsonObject().put("limit", 10), songs)).hasSize(10).allMatch(chill::contains);
      assertThat(suggested(ana, new JsonObject().put("limit", 10).put("mood", "energetic"), songs))
          .hasSize(10).allMatch(energetic::contains);
      assertThat(ana.request("jam.get-recommendations", new JsonObject().put("mood", "sleepy")).getString("code"))
          .isEqualTo("INVALID_INPUT");

      ana.request("jam.playback-update", new JsonObject().put("positionMs", loud.durationMs() - 10_000));
      JsonObject filled = ana.await(f -> f.getValue("body") instanceof JsonObject b
          && "queue-updated".equals(b.getString("type"))
          && !b.getJsonObject("data").getJsonArray("queue").isEmpty()).getJsonObject("body");
      JsonObject item = filled.getJsonObject("data").getJsonArray("queue").getJsonObject(0);
      assertThat(item.getString("addedById")).isEqualTo("recommender");
      assertThat(chill.contains(songs.get(item.getJsonObject("song").getString("id")))).isTrue();
    }
  }

  private static List<Song> suggested(BridgeClient c, JsonObject body, Map<String, Song> songs) throws Exception {
    JsonObject reply = c.request("jam.get-recommendations", body);
    assertThat(reply.getBoolean("success")).as(reply.encode()).isTrue();
    return reply.getJsonObject("data").getJsonArray("songs").stream()
        .map(s -> songs.get(((JsonObject) s).getJsonObject("song").getString("id"))).toList();
  }
}
