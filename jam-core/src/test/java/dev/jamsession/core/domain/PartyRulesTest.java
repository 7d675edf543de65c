package dev.jamsession.core.domain;

import static dev.jamsession.core.domain.JamFixture.song;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The party rules of PROTOCOL §11 and the skip cap of §9, rule by rule, edges included. */
class PartyRulesTest {
  /** A queue that only the rules under test order: nothing starts playing by itself. */
  private static final Map<String, Object> QUIET = Map.of("autoPlay", false);

  private JamFixture f;
  /** The host of {@link #f}. */
  private String ana;

  /** A jam with these settings (over {@link #QUIET}), its host Ana joined. */
  private void party(Map<String, Object> settings) {
    f = new JamFixture(Settings.defaults(50).apply(QUIET).apply(settings));
    ana = f.host();
  }

  /** {@link #party} with Ben joined as a guest: his id. */
  private String partyWithBen(Map<String, Object> settings) {
    party(settings);
    return f.guest("Ben");
  }

  /** Refused with {@code code} and {@code message}, and the jam is exactly as before. */
  private void refused(ThrowingCallable call, ErrorCode code, String message) {
    Jam before = f.jam;
    assertThatThrownBy(call).isInstanceOf(JamException.class)
        .satisfies(t -> assertThat(((JamException) t).code()).isEqualTo(code))
        .hasMessage(message);
    assertThat(f.jam).isSameAs(before);
  }

  private void refused(ThrowingCallable call, ErrorCode code) {
    Jam before = f.jam;
    assertThatThrownBy(call).isInstanceOf(JamException.class)
        .satisfies(t -> assertThat(((JamException) t).code()).isEqualTo(code));
    assertThat(f.jam).isSameAs(before);
  }

  @Nested
  class GuestsCanAdd {
    @Test
    void offLetsOnlyTheHostAdd() {
      String ben = partyWithBen(Map.of("guestsCanAdd", false));
      refused(() -> f.add(ben, 1), ErrorCode.NOT_HOST, "Only the host can add songs in this jam");
      f.add(ana, 1);
      assertThat(f.queueSongIds()).containsExactly("s1");
    }

    @Test
    void isAPermissionSoItComesBeforeTheStateOfTheQueue() {
      String ben = partyWithBen(Map.of("guestsCanAdd", false, "maxQueueSize", 1));
      f.add(ana, 1);
      refused(() -> f.add(ben, 2), ErrorCode.NOT_HOST);
      refused(() -> f.add(ana, 2), ErrorCode.QUEUE_FULL);
    }
  }

  @Nested
  class MaxSongsPerPerson {
    @Test
    void theLimitIsReachedExactlyAndBindsTheHostToo() {
      String ben = partyWithBen(Map.of("maxSongsPerPerson", 2));
      f.add(ben, 1);
      f.add(ben, 2); // exactly the limit
      refused(() -> f.add(ben, 3), ErrorCode.PERSON_LIMIT, "Ben already has 2 songs queued");
      f.add(ana, 4);
      f.add(ana, 5);
      refused(() -> f.add(ana, 6), ErrorCode.PERSON_LIMIT, "Ana already has 2 songs queued");
      assertThat(f.jam.queue()).hasSize(4);
    }

    @Test
    void aRemovedOrPlayedItemFreesASlot() {
      String ben = partyWithBen(Map.of("maxSongsPerPerson", 1));
      String first = f.add(ben, 1);
      refused(() -> f.add(ben, 2), ErrorCode.PERSON_LIMIT, "Ben already has 1 song queued");
      f.apply(new Command.RemoveFromQueue(ben, first));
      f.add(ben, 2);
      f.apply(new Command.PlayNext(ana)); // Ben's song plays: no longer queued
      assertThat(f.jam.current().song().id()).isEqualTo("s2");
      f.add(ben, 3);
      refused(() -> f.add(ben, 4), ErrorCode.PERSON_LIMIT);
    }

    @Test
    void loweredMidJamItRemovesNothingAndRefusesUntilBelowIt() {
      String ben = partyWithBen(Map.of());
      String first = f.add(ben, 1);
      f.add(ben, 2);
      f.add(ben, 3);
      f.apply(new Command.UpdateSettings(ana, Map.of("maxSongsPerPerson", 2)));
      assertThat(f.queueSongIds()).containsExactly("s1", "s2", "s3");
      refused(() -> f.add(ben, 4), ErrorCode.PERSON_LIMIT);
      f.apply(new Command.RemoveFromQueue(ben, first));
      refused(() -> f.add(ben, 4), ErrorCode.PERSON_LIMIT); // two still queued: at the limit
      f.apply(new Command.UpdateSettings(ana, Map.of("maxSongsPerPerson", 0))); // 0: no limit
      f.add(ben, 4);
    }

    @Test
    void recommenderItemsCountForNobody() {
      party(Map.of("autoPlay", true, "maxSongsPerPerson", 1));
      f.add(ana, 1); // plays at once (autoPlay)
      f.now += Playback.START_LEAD_MS + 180_000 - AutofillRule.LEAD_MS;
      f.apply(new Command.Autofill(song(9)));
      assertThat(f.jam.queue()).singleElement().satisfies(i -> {
        assertThat(i.addedById()).isEqualTo(AutofillRule.RECOMMENDER_ID);
        assertThat(i.round()).isZero();
      });
      f.add(ana, 2); // the recommender's item is not Ana's
      refused(() -> f.add(ana, 3), ErrorCode.PERSON_LIMIT);
    }

    @Test
    void aQueuedPlaylistIsNotLimitedButItsItemsAreTheHosts() {
      party(Map.of("maxSongsPerPerson", 1));
      f.apply(new Command.QueuePlaylist(ana, "pl", List.of(song(1), song(2), song(3))));
      assertThat(f.queueSongIds()).containsExactly("s1", "s2", "s3");
      refused(() -> f.add(ana, 4), ErrorCode.PERSON_LIMIT);
    }
  }

  @Nested
  class SongRulesOfTheJam {
    @Test
    void aSongLongerThanTheLimitIsRefusedOneExactlyAtItIsNot() {
      party(Map.of("maxSongDurationMs", 360_000));
      f.add(ana, song(1, 360_000));
      refused(() -> f.add(ana, song(2, 360_001)), ErrorCode.NOT_ALLOWED, "Longer than the 6-minute limit");
      f.apply(new Command.UpdateSettings(ana, Map.of("maxSongDurationMs", 90_000)));
      refused(() -> f.add(ana, song(3, 90_001)), ErrorCode.NOT_ALLOWED, "Longer than the 1:30 limit");
      assertThat(f.queueSongIds()).containsExactly("s1"); // queued before: kept
    }

    @Test
    void aBlockedGenreIsTheWholeGenreIgnoringCaseForHostAndGuests() {
      String ben = partyWithBen(Map.of("blockedGenres", List.of("metal", " Polka ")));
      assertThat(f.jam.settings().blockedGenres()).containsExactly("metal", "Polka");
      refused(() -> f.add(ben, song(1, 200_000, "Metal")), ErrorCode.NOT_ALLOWED, "Metal is blocked in this jam");
      refused(() -> f.add(ana, song(2, 200_000, "POLKA")), ErrorCode.NOT_ALLOWED, "POLKA is blocked in this jam");
      f.add(ben, song(3, 200_000, "Metalcore")); // not the whole genre
      f.add(ben, song(4, 200_000, "heavy metal"));
      assertThat(f.queueSongIds()).containsExactly("s3", "s4");
    }

    @Test
    void aDuplicateIsStillADuplicateAndAFullQueueStillFull() {
      party(Map.of("maxQueueSize", 1, "blockedGenres", List.of("rock")));
      f.add(ana, song(1, 200_000, "jazz"));
      refused(() -> f.add(ana, song(2)), ErrorCode.QUEUE_FULL);
    }

    @Test
    void aQueuedPlaylistSkipsWhatTheRulesRefuse() {
      party(Map.of("maxSongDurationMs", 300_000, "blockedGenres", List.of("Metal")));
      Outcome o = f.apply(new Command.QueuePlaylist(ana, "pl",
          List.of(song(1), song(2, 300_001), song(3, 200_000, "metal"), song(4))));
      assertThat(o.reply()).containsEntry("added", 2).containsEntry("skipped", 2);
      assertThat(f.queueSongIds()).containsExactly("s1", "s4");
    }

    @Test
    void autofillNeverAddsARefusedSong() {
      party(Map.of("autoPlay", true, "blockedGenres", List.of("Metal"),
          "maxSongDurationMs", 240_000));
      f.add(ana, 1);
      f.now += Playback.START_LEAD_MS + 180_000 - AutofillRule.LEAD_MS;
      f.apply(new Command.Autofill(song(8, 200_000, "METAL")));
      f.apply(new Command.Autofill(song(9, 240_001)));
      assertThat(f.jam.queue()).isEmpty();
      f.apply(new Command.Autofill(song(7, 240_000)));
      assertThat(f.queueSongIds()).containsExactly("s7");
    }

    @Test
    void songRulesAnswerForTheRecommenderToo() {
      SongRules rules = new SongRules(240_000, List.of("Metal"));
      assertThat(rules.allows(song(1, 240_000))).isTrue();
      assertThat(rules.allows(song(2, 240_001))).isFalse();
      assertThat(rules.allows(song(3, 1_000, "mEtAl"))).isFalse();
      assertThat(rules.allows(new Song("s4", "T", "A", "B", null, 2000, 1_000, "/a", null, 0.5))).isTrue();
      assertThat(SongRules.NONE.isNone()).isTrue();
      assertThat(rules.isNone()).isFalse();
    }
  }

  @Nested
  class FairQueue {
    /** Ana adds three songs, then Ben two, then Cy one, a millisecond apart. */
    private List<String> fill(String ben, String cy) {
      String[] items = new String[6];
      int[][] plan = {{0, 1}, {0, 2}, {0, 3}, {1, 4}, {1, 5}, {2, 6}};
      String[] who = {ana, ben, cy};
      for (int i = 0; i < plan.length; i++) {
        f.now++;
        items[i] = f.add(who[plan[i][0]], plan[i][1]);
      }
      return Arrays.asList(items);
    }

    @Test
    void withinOneScoreEachAddersNextSongTakesItsTurn() {
      party(Map.of("fairQueue", true));
      fill(f.guest("Ben"), f.guest("Cy"));
      assertThat(f.queueSongIds()).containsExactly("s1", "s4", "s6", "s2", "s5", "s3");
      assertThat(f.jam.queue()).extracting(QueueItem::round).containsExactly(0, 0, 0, 1, 1, 2);
    }

    @Test
    void votesComeFirstAndRoundsStayWhatTheyWereAfterRemovals() {
      String ben = partyWithBen(Map.of("fairQueue", true));
      String cy = f.guest("Cy");
      List<String> items = fill(ben, cy);
      f.apply(new Command.Vote(ben, items.get(2), 1)); // Ana's third song, voted up, goes first
      assertThat(f.queueSongIds()).containsExactly("s3", "s1", "s4", "s6", "s2", "s5");
      f.apply(new Command.RemoveFromQueue(ana, items.get(0))); // Ana's first: her second keeps round 1
      assertThat(f.queueSongIds()).containsExactly("s3", "s4", "s6", "s2", "s5");
      f.now++;
      f.add(cy, 7); // Cy's second song, round 1: after the older round-1 songs
      assertThat(f.queueSongIds()).containsExactly("s3", "s4", "s6", "s2", "s5", "s7");
      f.apply(new Command.Vote(ana, items.get(4), -1)); // Ben's second goes below every 0
      assertThat(f.queueSongIds()).containsExactly("s3", "s4", "s6", "s2", "s7", "s5");
    }

    @Test
    void playedSongsCountInTheRound() {
      String ben = partyWithBen(Map.of("autoPlay", true, "fairQueue", true));
      f.add(ana, 1); // plays at once: still Ana's first
      f.now++;
      f.add(ana, 2);
      f.now++;
      f.add(ben, 3);
      assertThat(f.queueSongIds()).containsExactly("s3", "s2");
    }

    @Test
    void turnedOnMidJamItReordersAndItsEventCarriesTheQueue() {
      party(Map.of());
      fill(f.guest("Ben"), f.guest("Cy"));
      assertThat(f.queueSongIds()).containsExactly("s1", "s2", "s3", "s4", "s5", "s6");
      f.events.clear();
      f.apply(new Command.UpdateSettings(ana, Map.of("fairQueue", true)));
      assertThat(f.queueSongIds()).containsExactly("s1", "s4", "s6", "s2", "s5", "s3");
      assertThat(f.events).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.SETTINGS_UPDATED);
        assertThat(e.data()).containsKeys("settings", "skipVotes", "queue");
        assertThat(e.data().get("queue")).isEqualTo(Views.field(f.jam, SnapshotField.QUEUE));
      });
      f.events.clear();
      f.apply(new Command.UpdateSettings(ana, Map.of("maxSongsPerPerson", 5))); // no reorder
      assertThat(f.events).singleElement().satisfies(e -> assertThat(e.data()).doesNotContainKey("queue"));
      f.apply(new Command.UpdateSettings(ana, Map.of("fairQueue", false)));
      assertThat(f.queueSongIds()).containsExactly("s1", "s2", "s3", "s4", "s5", "s6");
    }
  }

  @Nested
  class SettingsInput {
    @Test
    void defaultsAreThoseOfTheProtocol() {
      Settings s = Settings.defaults(50);
      assertThat(s.toMap()).containsEntry("guestsCanAdd", true).containsEntry("maxSongsPerPerson", 0)
          .containsEntry("maxSongDurationMs", 0L).containsEntry("blockedGenres", List.of())
          .containsEntry("fairQueue", false).containsEntry("reactions", true).containsEntry("skipMaxVotes", 10);
    }

    @Test
    void aWrongTypeOrRangeRefusesTheWholeChange() {
      party(Map.of());
      List<Map<String, Object>> bad = List.of(
          Map.of("maxSongsPerPerson", 201), Map.of("maxSongsPerPerson", -1), Map.of("maxSongsPerPerson", 1.5),
          Map.of("maxSongsPerPerson", "3"), Map.of("maxSongDurationMs", 29_999), Map.of("maxSongDurationMs", 1),
          Map.of("maxSongDurationMs", 3_600_001), Map.of("maxSongDurationMs", true),
          Map.of("blockedGenres", "Metal"), Map.of("blockedGenres", List.of("")), Map.of("blockedGenres", List.of(" ")),
          Map.of("blockedGenres", List.of("x".repeat(41))), Map.of("blockedGenres", List.of(7)),
          Map.of("blockedGenres", List.of("Metal\u200B")), Map.of("blockedGenres", Map.of()),
          Map.of("blockedGenres", java.util.Collections.nCopies(21, "g")), Map.of("guestsCanAdd", "false"),
          Map.of("fairQueue", 1), Map.of("reactions", "yes"), Map.of("skipMaxVotes", 501),
          Map.of("skipMaxVotes", -1), Map.of("skipMaxVotes", 2.5));
      for (Map<String, Object> patch : bad) {
        Map<String, Object> withGood = new java.util.HashMap<>(patch);
        withGood.put("maxQueueSize", 7); // a valid field beside it is not applied either
        assertThat(CommandParser.parse("jam.update-settings", ana, withGood, id -> java.util.Optional.empty()))
            .as(patch.toString()).isInstanceOf(Command.Invalid.class);
        refused(() -> f.apply(new Command.UpdateSettings(ana, withGood)), ErrorCode.INVALID_INPUT);
      }
      assertThat(f.jam.settings()).isEqualTo(Settings.defaults(50).apply(QUIET));
    }

    @Test
    void edgesOfTheRangesAreAccepted() {
      Settings s = Settings.defaults(50).apply(Map.of("maxSongsPerPerson", 200, "maxSongDurationMs", 30_000,
          "blockedGenres", java.util.Collections.nCopies(20, "g"), "skipMaxVotes", 500));
      assertThat(s.blockedGenres()).containsExactly("g"); // repeats kept once
      assertThat(Settings.defaults(50).apply(Map.of("maxSongDurationMs", 3_600_000, "blockedGenres",
          List.of("x".repeat(40), "Metal", "METAL"))).blockedGenres()).containsExactly("x".repeat(40), "Metal");
      assertThat(Settings.defaults(50).apply(Map.of("maxSongDurationMs", 0)).maxSongDurationMs()).isZero();
    }
  }

  @Nested
  class SkipCap {
    private JamFixture roomOf(int people, Map<String, Object> settings) {
      JamFixture room = new JamFixture(Settings.defaults(50).apply(Map.of("maxParticipants", 500)).apply(settings));
      room.host();
      for (int i = 1; i < people; i++) {
        room.guest("G" + i);
      }
      return room;
    }

    @Test
    void smallRoomsNeedWhatTheyAlwaysDid() {
      assertThat(roomOf(5, Map.of()).jam.skipNeeded()).isEqualTo(3);
      assertThat(roomOf(20, Map.of()).jam.skipNeeded()).isEqualTo(10);
      assertThat(roomOf(3, Map.of("skipThreshold", 1.0)).jam.skipNeeded()).isEqualTo(3);
    }

    @Test
    void aBigRoomNeedsAtMostTheCap() {
      assertThat(roomOf(200, Map.of()).jam.skipNeeded()).isEqualTo(10);
      assertThat(roomOf(200, Map.of("skipMaxVotes", 25)).jam.skipNeeded()).isEqualTo(25);
      assertThat(roomOf(200, Map.of("skipMaxVotes", 0)).jam.skipNeeded()).isEqualTo(100); // 0: no cap
      assertThat(roomOf(200, Map.of("skipMaxVotes", 1)).jam.skipNeeded()).isEqualTo(1);
    }

    @Test
    void theCappedNumberOfVotesSkips() {
      JamFixture room = roomOf(30, Map.of("skipMaxVotes", 3));
      String host = room.jam.hostId();
      room.add(host, 1);
      room.add(host, 2);
      List<String> guests = room.jam.participants().stream().map(Participant::id).filter(id -> !id.equals(host)).toList();
      room.apply(new Command.VoteSkip(guests.get(0), true));
      room.apply(new Command.VoteSkip(guests.get(1), true));
      assertThat(room.jam.current().song().id()).isEqualTo("s1");
      room.apply(new Command.VoteSkip(guests.get(2), true));
      assertThat(room.jam.current().song().id()).isEqualTo("s2");
    }
  }
}
