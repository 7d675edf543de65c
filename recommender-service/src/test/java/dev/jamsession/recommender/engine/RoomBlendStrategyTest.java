package dev.jamsession.recommender.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.domain.SongRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RoomBlendStrategyTest {
  private static final Recommender ENGINE = new Recommender(TestCatalog.songs());

  private static List<Recommendation> recommend(RoomSignals room) {
    return ENGINE.recommend(room);
  }

  private static long count(List<Recommendation> recs, Predicate<Song> p) {
    return recs.stream().map(Recommendation::song).filter(p).count();
  }

  private static Predicate<Song> genre(String genre) {
    return s -> s.genre().equals(genre);
  }

  @Test
  void neverSuggestsTheCurrentQueuedOrPlayedSongs() {
    // Ana liked jazz-0: its artist mates would top the list if exclusions failed.
    RoomSignals room = new RoomBuilder().present("a", "Ana")
        .current("jazz-0-1")
        .queued("jazz-0-0", "a").queued("jazz-0-2", "a", Map.of("a", 1))
        .played("jazz-0-3", "a", Map.of("a", 1), Set.of())
        .build(20, 1);

    List<Recommendation> recs = recommend(room);

    assertThat(recs).hasSize(20);
    assertThat(recs).extracting(r -> r.song().id())
        .doesNotContain("jazz-0-0", "jazz-0-1", "jazz-0-2", "jazz-0-3");
  }

  @Test
  void neverSuggestsWhatTheJamsRulesRefuseWhateverTheRoomLikes() {
    SongRules noMetal = new SongRules(0, List.of("metal"));
    RoomSignals metalHeads = new RoomBuilder().present("a", "Ana").present("b", "Ben")
        .queued("metal-0-0", "a", Map.of("b", 1)).queued("metal-1-0", "b", Map.of("a", 1))
        .build(20, 1);
    RoomSignals ruled = new RoomSignals(metalHeads.participants(), metalHeads.queue(), metalHeads.history(),
        null, 20, 1, noMetal, null);
    assertThat(count(recommend(metalHeads), genre("Metal"))).isPositive(); // without the rule, metal
    assertThat(recommend(ruled)).hasSize(20).noneMatch(r -> r.song().genre().equals("Metal"));
    assertThat(ENGINE.strategy(BaselineStrategy.NAME).orElseThrow().recommend(ruled))
        .isNotEmpty().noneMatch(r -> r.song().genre().equals("Metal"));
    RoomSignals cold = new RoomSignals(List.of(), List.of(), List.of(), null, 20, 1, noMetal, null);
    assertThat(recommend(cold)).hasSize(20).noneMatch(r -> r.song().genre().equals("Metal"));
    // Every song of the catalog lasts 200 s: a shorter limit leaves nothing to offer.
    assertThat(recommend(new RoomSignals(List.of(), List.of(), List.of(), null, 20, 1,
        new SongRules(199_999, List.of()), null))).isEmpty();
  }

  @Test
  void baselineAlsoExcludesCurrentQueuedAndPlayed() {
    RoomSignals room = new RoomBuilder().present("a", "Ana")
        .current("jazz-0-1").queued("jazz-0-0", "a")
        .played("jazz-0-3", "a", Map.of(), Set.of())
        .build(30, 1);

    List<Recommendation> recs = ENGINE.strategy(BaselineStrategy.NAME).orElseThrow()
        .recommend(room);

    assertThat(recs).hasSize(30).extracting(r -> r.song().id())
        .doesNotContain("jazz-0-0", "jazz-0-1", "jazz-0-3");
    assertThat(recs).allMatch(r -> r.song().genre().equals("Jazz"));
  }

  @Test
  void aDownvoteTurnsTheRoomAwayFromThatGenreArtistAndSound() {
    RoomBuilder liked = new RoomBuilder().present("a", "Ana").absent("z", "Zoe")
        .queued("jazz-1-0", "a").queued("metal-1-0", "z", Map.of("a", 1));
    RoomBuilder downvoted = new RoomBuilder().present("a", "Ana").absent("z", "Zoe")
        .queued("jazz-1-0", "a").queued("metal-1-0", "z", Map.of("a", -1));

    List<Recommendation> withUpvote = recommend(liked.build(10, 7));
    List<Recommendation> withDownvote = recommend(downvoted.build(10, 7));

    assertThat(count(withUpvote, genre("Metal"))).isPositive();
    assertThat(count(withDownvote, genre("Metal"))).isZero();
    assertThat(count(withDownvote, genre("Jazz"))).isGreaterThanOrEqualTo(5);
  }

  @Test
  void aSkipCountsAgainstTheSkippedGenre() {
    RoomSignals room = new RoomBuilder().present("a", "Ana").absent("z", "Zoe")
        .queued("jazz-1-0", "a")
        .played("metal-1-0", "z", Map.of(), Set.of("a"))
        .played("metal-2-0", "a", Map.of(), Set.of("a"))
        .build(10, 7);

    assertThat(count(recommend(room), genre("Metal"))).isZero();
  }

  @Test
  void bothOfTwoOppositeTastesReachTheTopResults() {
    // Ana is loud (many jazz signals, metal downvoted); Ben quietly added one metal song.
    RoomSignals room = new RoomBuilder().present("a", "Ana").present("b", "Ben")
        .queued("jazz-0-0", "a", Map.of("a", 1, "b", -1))
        .queued("jazz-1-0", "a", Map.of("a", 1, "b", -1))
        .queued("jazz-2-0", "a", Map.of("a", 1))
        .played("jazz-3-0", "a", Map.of("a", 1), Set.of())
        .queued("metal-0-0", "b", Map.of("a", -1))
        .build(10, 3);

    List<Recommendation> recs = recommend(room);

    assertThat(count(recs.subList(0, 2), genre("Metal"))).isEqualTo(1);
    assertThat(count(recs, genre("Metal"))).isGreaterThanOrEqualTo(3);
    assertThat(count(recs, genre("Jazz"))).isGreaterThanOrEqualTo(3);
    assertThat(recs.stream().filter(r -> r.song().genre().equals("Metal")))
        .allMatch(r -> String.join(" ", r.reasons()).contains("Ben"));
  }

  @Test
  void atMostTwoSongsPerArtistInAnyTenConsecutive() {
    // Ana loves one artist: without the cap all of their songs would lead.
    RoomSignals room = new RoomBuilder().present("a", "Ana")
        .queued("folk-5-0", "a", Map.of("a", 1)).queued("folk-5-1", "a", Map.of("a", 1))
        .build(30, 5);

    List<Recommendation> recs = recommend(room);

    assertThat(recs).hasSize(30);
    List<String> artists = recs.stream().map(r -> r.song().artist()).toList();
    for (int from = 0; from + 10 <= artists.size(); from++) {
      Map<String, Long> perArtist = artists.subList(from, from + 10).stream()
          .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
      assertThat(perArtist.values()).allMatch(n -> n <= 2);
    }
    assertThat(artists.subList(0, 10)).contains("folk-5");
  }

  @Test
  void theSameSeedGivesTheSameAnswerAndSeedsVaryIt() {
    RoomBuilder room = new RoomBuilder().present("a", "Ana").present("b", "Ben")
        .queued("pop-2-0", "a", Map.of("b", 1)).queued("rock-4-1", "b");

    List<Recommendation> first = recommend(room.build(10, 42));
    List<Recommendation> again = recommend(room.build(10, 42));
    Set<List<String>> bySeed = IntStream.range(0, 8)
        .mapToObj(seed -> ids(recommend(room.build(10, seed))))
        .collect(Collectors.toSet());

    assertThat(again).isEqualTo(first);
    assertThat(bySeed).hasSizeGreaterThan(1);
  }

  @Test
  void aColdRoomGetsPopularSongsAcrossGenresAndArtists() {
    RoomSignals cold = new RoomBuilder().present("a", "Ana").present("b", "Ben").build(10, 9);

    List<Recommendation> recs = recommend(cold);

    assertThat(recs).hasSize(10);
    assertThat(recs).allMatch(r -> r.song().popularity() >= 0.7)
        .allMatch(r -> r.reasons().equals(List.of("Popular right now")));
    assertThat(recs.stream().map(r -> r.song().genre()).distinct().count())
        .isEqualTo(TestCatalog.GENRES.length);
    assertThat(recs.stream().collect(Collectors.groupingBy(r -> r.song().artist(),
        Collectors.counting())).values()).allMatch(n -> n <= 2);
  }

  @Test
  void reasonsNameWhoTheSongIsForAndWhy() {
    RoomSignals room = new RoomBuilder().present("a", "Ana").present("b", "Ben")
        .absent("z", "Zoe")
        .queued("jazz-0-0", "z", Map.of("a", 1, "b", 1))
        .queued("jazz-4-0", "z", Map.of("a", 1, "b", 1))
        .build(10, 1);

    List<String> reasons = recommend(room).stream()
        .flatMap(r -> r.reasons().stream()).toList();

    assertThat(reasons).contains("Because Ana and Ben upvoted jazz");
  }

  @Test
  void reasonsTellUpvotesFromAdds() {
    RoomSignals room = new RoomBuilder().present("a", "Ana").present("b", "Ben")
        .queued("folk-0-0", "a", Map.of("b", 1))
        .queued("folk-3-0", "a")
        .build(10, 1);

    List<String> reasons = recommend(room).stream()
        .flatMap(r -> r.reasons().stream()).toList();

    assertThat(reasons).contains("Because Ben upvoted and Ana queued folk")
        .noneMatch(r -> r.contains("Ana upvoted"));
  }

  @Test
  void whenNobodyPresentHasSignalsTheRoomsOwnSignalsSteer() {
    // Autoplay goes on after the people who queued dropped off.
    RoomSignals room = new RoomBuilder().absent("z", "Zoe").present("a", "Ana")
        .played("rock-2-0", "z", Map.of("z", 1), Set.of())
        .played("rock-3-0", "z", Map.of(), Set.of())
        .build(5, 1);

    List<Recommendation> recs = recommend(room);

    assertThat(recs).allMatch(r -> r.song().genre().equals("Rock"));
    assertThat(recs.get(0).reasons().get(0)).contains("the room");
  }

  @Test
  void songsMissingFromTheCatalogAreIgnored() {
    RoomSignals room = new RoomBuilder().present("a", "Ana")
        .queued("no-such-song", "a", Map.of("a", 1)).current("gone")
        .build(10, 1);

    assertThat(recommend(room)).hasSize(10)
        .allMatch(r -> r.reasons().equals(List.of("Popular right now")));
  }

  private static List<String> ids(List<Recommendation> recs) {
    return recs.stream().map(r -> r.song().id()).toList();
  }
}
