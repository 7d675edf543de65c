package dev.jamsession.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.catalog.Moods;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.recommender.engine.Recommender;
import dev.jamsession.recommender.testing.SyntheticCatalog;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(VertxExtension.class)
class RecommenderVerticleTest {
  private static Recommender engine;

  @BeforeAll
  static void index() {
    engine = new Recommender(SyntheticCatalog.generate(2_000, 8, 120, 1));
  }

  @BeforeEach
  void deployTwoInstances(Vertx vertx) throws Exception {
    vertx.deployVerticle(() -> new RecommenderVerticle(engine),
        new DeploymentOptions().setInstances(2)).await(10, TimeUnit.SECONDS);
  }

  static JsonObject validRequest() {
    return new JsonObject()
        .put("participants", new JsonArray()
            .add(new JsonObject().put("id", "a").put("name", "Ana").put("present", true))
            .add(new JsonObject().put("id", "b").put("name", "Ben").put("present", true)))
        .put("queue", new JsonArray().add(new JsonObject().put("songId", "s1")
            .put("addedById", "a").put("votes", new JsonObject().put("b", 1))))
        .put("history", new JsonArray().add(new JsonObject().put("songId", "s2")
            .put("addedById", "b").put("votes", new JsonObject().put("a", -1))
            .put("skippedBy", new JsonArray().add("a"))))
        .put("currentSongId", "s3")
        .put("limit", 5)
        .put("seed", 42);
  }

  private static JsonObject ask(Vertx vertx, Object body) throws Exception {
    return vertx.eventBus().<JsonObject>request(Addresses.RECOMMENDER_RECOMMEND, body)
        .map(Message::body).await(10, TimeUnit.SECONDS);
  }

  @Test
  void answersWithSongsScoresReasonsAndTheInstance(Vertx vertx) throws Exception {
    JsonObject reply = ask(vertx, validRequest());

    assertThat(reply.getBoolean("success")).isTrue();
    JsonObject data = reply.getJsonObject("data");
    assertThat(data.getString("instance")).startsWith("recommender-");
    assertThat(data.getString("strategy")).isEqualTo("room-blend");
    JsonArray songs = data.getJsonArray("songs");
    assertThat(songs).hasSize(5);
    JsonObject first = songs.getJsonObject(0);
    assertThat(first.getJsonObject("song").getString("id")).isNotIn("s1", "s2", "s3");
    assertThat(first.getJsonObject("song").fieldNames())
        .contains("id", "title", "artist", "album", "genre", "year", "durationMs", "audioUrl");
    assertThat(first.getDouble("score")).isNotNull();
    assertThat(first.getJsonArray("reasons")).isNotEmpty();
  }

  @Test
  void theSameSeedGivesTheSameSongsAndTheBaselineCanBeAsked(Vertx vertx) throws Exception {
    JsonArray once = ask(vertx, validRequest()).getJsonObject("data").getJsonArray("songs");
    JsonArray again = ask(vertx, validRequest()).getJsonObject("data").getJsonArray("songs");
    JsonObject baseline = ask(vertx, validRequest().put("strategy", "baseline"));

    assertThat(again).isEqualTo(once);
    assertThat(baseline.getJsonObject("data").getString("strategy")).isEqualTo("baseline");
  }

  @Test
  void optionalFieldsMayBeLeftOut(Vertx vertx) throws Exception {
    JsonObject cold = new JsonObject().put("participants", new JsonArray())
        .put("queue", new JsonArray()).put("history", new JsonArray());

    JsonObject reply = ask(vertx, cold);

    assertThat(reply.getBoolean("success")).isTrue();
    assertThat(reply.getJsonObject("data").getJsonArray("songs")).hasSize(10);
  }

  @Test
  void theJamsRulesKeepRefusedSongsOut(Vertx vertx) throws Exception {
    JsonObject request = validRequest().put("limit", 50);
    JsonArray all = ask(vertx, request).getJsonObject("data").getJsonArray("songs");
    String genre = all.getJsonObject(0).getJsonObject("song").getString("genre");
    long longest = all.stream().mapToLong(s -> ((JsonObject) s).getJsonObject("song").getLong("durationMs")).max().orElseThrow();
    JsonArray ruled = ask(vertx, request.copy().put("rules", new JsonObject().put("maxSongDurationMs", longest)
        .put("blockedGenres", new JsonArray().add(genre.toUpperCase()))))
        .getJsonObject("data").getJsonArray("songs");
    assertThat(ruled).hasSize(50).allSatisfy(s ->
        assertThat(((JsonObject) s).getJsonObject("song").getString("genre")).isNotEqualToIgnoringCase(genre));
    // The synthetic songs all last as long: a limit a millisecond shorter leaves none.
    assertThat(ask(vertx, request.copy().put("rules", new JsonObject().put("maxSongDurationMs", longest - 1)))
        .getJsonObject("data").getJsonArray("songs")).isEmpty();
  }

  @Test
  void aMoodKeepsTheAnswerInItsRegion(Vertx vertx) throws Exception {
    List<Song> catalog = SyntheticCatalog.generate(2_000, 8, 120, 1); // the engine's
    Mood mood = Moods.ALL.stream()
        .max(Comparator.comparingLong(m -> catalog.stream().filter(m::contains).count())).orElseThrow();
    Map<String, Song> byId = catalog.stream().collect(Collectors.toMap(Song::id, s -> s));
    JsonArray steered = ask(vertx, validRequest().put("limit", 20).put("mood", mood.id()))
        .getJsonObject("data").getJsonArray("songs");
    assertThat(steered).hasSize(20).allSatisfy(s ->
        assertThat(mood.contains(byId.get(((JsonObject) s).getJsonObject("song").getString("id")))).isTrue());
    JsonArray free = ask(vertx, validRequest().put("limit", 20).put("mood", null))
        .getJsonObject("data").getJsonArray("songs");
    assertThat(free.stream().filter(s -> !mood.contains(byId.get(((JsonObject) s).getJsonObject("song").getString("id")))))
        .isNotEmpty(); // without it the room's taste goes elsewhere too
  }

  static List<Object> badRequests() {
    JsonObject tooManyPeople = validRequest().put("participants", new JsonArray(
        IntStream.range(0, 1_001).mapToObj(i -> new JsonObject().put("id", "p" + i)
            .put("name", "P").put("present", true)).toList()));
    JsonObject tooLongQueue = validRequest().put("queue", new JsonArray(
        IntStream.range(0, 5_001).mapToObj(i -> new JsonObject().put("songId", "s" + i)).toList()));
    JsonObject tooManyVotes = validRequest().put("history", new JsonArray(
        IntStream.range(0, 200).mapToObj(i -> new JsonObject().put("songId", "s" + i)
            .put("skippedBy", new JsonArray(IntStream.range(0, 600).mapToObj(j -> "p" + j)
                .toList()))).toList()));
    return List.of(
        "not an object",
        new JsonArray(),
        validRequest().copy().put("participants", null),
        without(validRequest(), "queue"),
        without(validRequest(), "history"),
        validRequest().put("participants", "everyone"),
        validRequest().put("queue", new JsonArray().add("s1")),
        validRequest().put("queue", new JsonArray().add(new JsonObject().put("songId", 7))),
        validRequest().put("queue", new JsonArray().add(new JsonObject())),
        validRequest().put("participants", new JsonArray().add(new JsonObject().put("id", "a")
            .put("name", "Ana").put("present", "yes"))),
        validRequest().put("queue", new JsonArray().add(new JsonObject().put("songId", "s1")
            .put("votes", new JsonObject().put("a", "up")))),
        validRequest().put("queue", new JsonArray().add(new JsonObject().put("songId", "s1")
            .put("votes", new JsonObject().put("a", 5)))),
        validRequest().put("history", new JsonArray().add(new JsonObject().put("songId", "s1")
            .put("skippedBy", "a"))),
        validRequest().put("limit", 0),
        validRequest().put("limit", 51),
        validRequest().put("limit", 2.5),
        validRequest().put("seed", "lucky"),
        validRequest().put("currentSongId", 3),
        validRequest().put("strategy", "magic"),
        validRequest().put("rules", "none"),
        validRequest().put("rules", new JsonObject().put("maxSongDurationMs", 1_000)),
        validRequest().put("rules", new JsonObject().put("blockedGenres", "Metal")),
        validRequest().put("rules", new JsonObject().put("blockedGenres", new JsonArray().add(""))),
        validRequest().put("mood", "sleepy"),
        validRequest().put("mood", 7),
        tooManyPeople,
        tooLongQueue,
        tooManyVotes);
  }

  private static JsonObject without(JsonObject json, String field) {
    json.remove(field);
    return json;
  }

  @ParameterizedTest
  @MethodSource("badRequests")
  void badInputIsRefusedWithInvalidInputAndTheServiceGoesOn(Object bad, Vertx vertx)
      throws Exception {
    JsonObject reply = ask(vertx, bad);

    assertThat(reply.getBoolean("success")).isFalse();
    assertThat(reply.getString("code")).isEqualTo("INVALID_INPUT");
    assertThat(reply.getString("error")).isNotBlank();
    assertThat(reply.getString("instance")).startsWith("recommender-");
    assertThat(ask(vertx, validRequest()).getBoolean("success")).isTrue();
  }

  @Test
  void twoInstancesShareTheRequests(Vertx vertx) throws Exception {
    List<Future<JsonObject>> replies = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      replies.add(vertx.eventBus().<JsonObject>request(Addresses.RECOMMENDER_RECOMMEND,
          validRequest().put("seed", i)).map(Message::body));
    }
    Future.all(replies).await(20, TimeUnit.SECONDS);

    List<String> instances = replies.stream()
        .map(f -> f.result().getJsonObject("data").getString("instance")).toList();
    assertThat(instances).hasSize(40);
    assertThat(instances.stream().distinct().count()).isEqualTo(2);
    assertThat(instances.stream().filter(instances.get(0)::equals).count()).isBetween(10L, 30L);
  }

  @Test
  void theServiceIndexesTheCatalogAndAnswers(Vertx vertx) throws Exception {
    Vertx other = Vertx.vertx();
    try {
      RecommenderService.deploy(other, SyntheticCatalog.generate(500, 5, 50, 2))
          .await(20, TimeUnit.SECONDS);
      JsonObject reply = other.eventBus().<JsonObject>request(
          Addresses.RECOMMENDER_RECOMMEND, validRequest()).map(Message::body)
          .await(10, TimeUnit.SECONDS);
      assertThat(reply.getBoolean("success")).isTrue();
    } finally {
      other.close().await(10, TimeUnit.SECONDS);
    }
  }
}
