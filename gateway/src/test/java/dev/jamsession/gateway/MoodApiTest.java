package dev.jamsession.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.catalog.Moods;
import dev.jamsession.core.catalog.Song;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/moods and /api/mood-play over real HTTP on the demo catalog. */
class MoodApiTest {
  @RegisterExtension
  static final JamServer server = JamServer.perClass(1, Map.of("RATE_LIMIT_MAX", "100000"));
  static Map<String, Song> songs;

  @BeforeAll
  static void start() throws Exception {
    songs = server.catalog.all().stream().collect(Collectors.toMap(Song::id, Function.identity()));
  }

  static JsonObject data(String path) throws Exception {
    var r = server.get(path);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body()).getJsonObject("data");
  }

  static List<Song> play(String mood, int limit) throws Exception {
    return data("/api/mood-play?mood=" + mood + "&limit=" + limit).getJsonArray("songs").stream()
        .map(s -> songs.get(((JsonObject) s).getString("id"))).toList();
  }

  @Test
  void listsAtLeastFourMoods() throws Exception {
    var moods = data("/api/moods").getJsonArray("moods");
    assertThat(moods.size()).isGreaterThanOrEqualTo(4);
    assertThat(moods.getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("id", "name", "description");
  }

  @Test
  void playsExactlyTheLimitOrAllOfTheMoodFromItsRegion() throws Exception {
    for (Mood mood : Moods.ALL) {
      long inMood = server.catalog.all().stream().filter(mood::contains).count();
      assertThat(inMood).as(mood.id()).isGreaterThanOrEqualTo(20);
      JsonObject answer = data("/api/mood-play?mood=" + mood.id());
      assertThat(answer.getJsonObject("mood").getString("id")).isEqualTo(mood.id());
      assertThat(answer.getJsonArray("songs")).hasSize(20);
      List<Song> all = play(mood.id(), 100);
      assertThat(all).hasSize((int) Math.min(100, inMood)).doesNotContainNull().allMatch(mood::contains);
      assertThat(new HashSet<>(all)).hasSameSizeAs(all);
      assertThat(play(mood.id(), 1)).hasSize(1);
    }
  }

  @Test
  void noArtistTwiceInARowAndNeighboursCloserThanAtRandom() throws Exception {
    Random random = new Random(7);
    for (Mood mood : Moods.ALL) {
      List<Song> sequence = play(mood.id(), 30);
      for (int i = 1; i < sequence.size(); i++) {
        assertThat(sequence.get(i).artist()).as(mood.id() + " at " + i).isNotEqualTo(sequence.get(i - 1).artist());
      }
      List<Song> shuffled = new ArrayList<>(sequence);
      Collections.shuffle(shuffled, random);
      assertThat(meanStep(sequence)).as(mood.id()).isLessThan(meanStep(shuffled));
    }
  }

  @Test
  void differentMoodsPlayMostlyDifferentSongs() throws Exception {
    for (Mood a : Moods.ALL) {
      Set<Song> mine = new HashSet<>(play(a.id(), 20));
      for (Mood b : Moods.ALL) {
        if (a != b) {
          Set<Song> shared = new HashSet<>(play(b.id(), 20));
          shared.retainAll(mine);
          assertThat(shared.size()).as(a.id() + " and " + b.id()).isLessThan(5);
        }
      }
    }
  }

  @Test
  void refusesUnknownMoodsAndBadLimits() throws Exception {
    var unknown = server.get("/api/mood-play?mood=grumpy");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(unknown.body()).getString("code")).isEqualTo("NOT_FOUND");
    for (String bad : new String[] {"?mood=chill&limit=0", "?mood=chill&limit=101", "?mood=chill&limit=x", ""}) {
      var r = server.get("/api/mood-play" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(new JsonObject(r.body()).getString("code")).isEqualTo("INVALID_INPUT");
    }
  }

  private static double meanStep(List<Song> sequence) {
    double sum = 0;
    for (int i = 1; i < sequence.size(); i++) {
      var a = sequence.get(i - 1).features();
      var b = sequence.get(i).features();
      sum += Math.abs(a.tempo() - b.tempo()) / 200 + Math.abs(a.energy() - b.energy());
    }
    return sum / (sequence.size() - 1);
  }
}
