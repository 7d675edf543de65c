package dev.jamsession.recommender.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.AudioFeatures;
import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.catalog.Moods;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.domain.SongRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A room's mood (PROTOCOL §13) steers every strategy, within the jam's rules (§11). */
class MoodFocusTest {
  private static final Mood CHILL = Moods.byId("chill").orElseThrow();

  /**
   * 30 chill songs (c0..c29, every third one Metal), 30 songs just too fast for chill, each a
   * little further from it (n0 nearest), 60 loud rock songs the room loves, 20 without features.
   */
  private static List<Song> catalog() {
    List<Song> out = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      out.add(song("c" + i, i % 3 == 0 ? "Metal" : "Lounge", new AudioFeatures(70 + 0.5 * i, 0.15 + 0.005 * i, 0.5, 0.4, 0.6)));
      out.add(song("n" + i, "Pop", new AudioFeatures(105 + i, 0.2, 0.5, 0.5, 0.5)));
    }
    for (int i = 0; i < 60; i++) {
      out.add(song("e" + i, "Rock", new AudioFeatures(150, 0.9, 0.6, 0.7, 0.1)));
    }
    for (int i = 0; i < 20; i++) {
      out.add(song("f" + i, "Rock", null));
    }
    return out;
  }

  private static Song song(String id, String genre, AudioFeatures features) {
    return new Song(id, "Song " + id, "artist-" + id, "Album", genre, 2000, 200_000, "/a/" + id,
        features, 0.9 - 0.001 * (id.hashCode() & 0xff));
  }

  private static final Recommender ENGINE = new Recommender(catalog());

  /** Ana and Ben queue and upvote loud rock: without a mood, that is what they get. */
  private static RoomSignals rockers(int limit, SongRules rules, Mood mood, List<String> played) {
    RoomBuilder b = new RoomBuilder().present("a", "Ana").present("b", "Ben")
        .queued("e0", "a", Map.of("b", 1)).queued("e1", "b", Map.of("a", 1));
    played.forEach(id -> b.played(id, "a", Map.of(), Set.of()));
    RoomSignals room = b.build(limit, 3);
    return new RoomSignals(room.participants(), room.queue(), room.history(), null, limit, 3, rules, mood);
  }

  private static List<String> ids(List<Recommendation> recs) {
    return recs.stream().map(r -> r.song().id()).toList();
  }

  @Test
  void withEnoughSongsInTheMoodEveryStrategyOffersOnlyThem() {
    assertThat(ids(ENGINE.recommend(rockers(10, SongRules.NONE, null, List.of())))).allMatch(id -> id.startsWith("e"));
    RoomSignals chill = rockers(10, SongRules.NONE, CHILL, List.of());
    for (String strategy : ENGINE.strategyNames()) {
      assertThat(ids(ENGINE.strategy(strategy).orElseThrow().recommend(chill))).as(strategy)
          .hasSize(10).allMatch(id -> id.startsWith("c"));
    }
    RoomSignals cold = new RoomSignals(List.of(), List.of(), List.of(), null, 10, 3, SongRules.NONE, CHILL);
    assertThat(ids(ENGINE.recommend(cold))).hasSize(10).allMatch(id -> id.startsWith("c"));
  }

  @Test
  void theJamsRulesStillHoldInsideTheMood() {
    List<Recommendation> recs = ENGINE.recommend(rockers(20, new SongRules(0, List.of("metal")), CHILL, List.of()));
    // 20 chill songs are not Metal: exactly the answer's size, so the mood alone fills it.
    assertThat(recs).hasSize(20).allSatisfy(r -> {
      assertThat(r.song().genre()).isEqualTo("Lounge");
      assertThat(CHILL.contains(r.song())).isTrue();
    });
  }

  @Test
  void aMoodPlayedThroughIsToppedUpWithTheNearestSongs() {
    List<String> played = IntStream.range(0, 25).mapToObj(i -> "c" + i).toList();
    List<String> answer = ids(ENGINE.recommend(rockers(20, SongRules.NONE, CHILL, played)));
    List<String> expected = new ArrayList<>(List.of("c25", "c26", "c27", "c28", "c29"));
    IntStream.range(0, 15).forEach(i -> expected.add("n" + i));
    // Five chill songs are left: they and the 15 songs nearest the region, not the room's rock.
    assertThat(answer).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(ids(ENGINE.recommend(rockers(5, SongRules.NONE, CHILL, played))))
        .hasSize(5).isSubsetOf(expected);
  }

  @Test
  void aCatalogWithoutFeaturesIsNotNarrowed() {
    List<Song> tagsOnly = catalog().stream()
        .map(s -> new Song(s.id(), s.title(), s.artist(), s.album(), s.genre(), s.year(), s.durationMs(),
            s.audioUrl(), null, s.popularity()))
        .toList();
    Recommender engine = new Recommender(tagsOnly);
    for (String strategy : engine.strategyNames()) {
      Strategy s = engine.strategy(strategy).orElseThrow();
      assertThat(ids(s.recommend(rockers(10, SongRules.NONE, CHILL, List.of())))).as(strategy)
          .hasSize(10).isEqualTo(ids(s.recommend(rockers(10, SongRules.NONE, null, List.of()))));
    }
  }
}
