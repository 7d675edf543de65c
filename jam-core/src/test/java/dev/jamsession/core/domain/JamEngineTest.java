package dev.jamsession.core.domain;

import static dev.jamsession.core.domain.JamFixture.refused;
import static dev.jamsession.core.domain.JamFixture.song;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.protocol.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JamEngineTest {
  private final JamFixture f = new JamFixture();

  @Nested
  class Joining {
    @Test
    void theHostTokenMakesItsBearerHostOnce() {
      String ana = f.host();
      assertThat(f.jam.hostId()).isEqualTo(ana);
      refused(() -> f.join("Eve", JamFixture.HOST_TOKEN), ErrorCode.INVALID_TOKEN);
      assertThat(f.jam.participants()).hasSize(1);
    }

    @Test
    void aWrongHostTokenIsRefusedAndAGuestIsNeverHost() {
      refused(() -> f.join("Eve", "forged"), ErrorCode.INVALID_TOKEN);
      String ben = f.guest("Ben");
      assertThat(f.jam.hostId()).isNull();
      String ana = f.host();
      assertThat(f.jam.hostId()).isEqualTo(ana).isNotEqualTo(ben);
    }

    @Test
    void aFullJamRefusesNewcomers() {
      f.newJam(Map.of("maxParticipants", 2));
      f.host();
      f.guest("Ben");
      refused(() -> f.guest("Cy"), ErrorCode.SESSION_FULL);
    }

    @Test
    void joiningAnnouncesTheParticipantWithOneNewRevision() {
      f.host();
      long rev = f.jam.rev();
      f.events.clear();
      f.guest("Ben");
      assertThat(f.jam.rev()).isEqualTo(rev + 1);
      assertThat(f.events).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.PARTICIPANT_JOINED);
        assertThat(e.rev()).isEqualTo(rev + 1);
        assertThat(e.data()).containsKeys("participants", "hostId", "skipVotes", "participant");
      });
    }

    @Test
    void aConnectionAlreadyBoundGetsItsSnapshotWithoutChange() {
      String ana = f.host();
      long rev = f.jam.rev();
      Outcome o = f.apply(new Command.Join("Ana", null, null, "conn-Ana"));
      assertThat(o.changed()).isFalse();
      assertThat(f.jam.rev()).isEqualTo(rev);
      assertThat(f.jam.participants()).hasSize(1);
    }
  }

  @Nested
  class Queue {
    @Test
    void ordersByScoreThenOlderFirst() {
      String ana = f.host();
      String ben = f.guest("Ben");
      f.add(ana, 1); // starts playing: nothing was current and autoPlay is on
      assertThat(f.jam.current().song().id()).isEqualTo("s1");
      f.add(ana, 2);
      f.now += 1;
      f.add(ben, 3);
      f.now += 1;
      String item4 = f.add(ben, 4);
      assertThat(f.queueSongIds()).containsExactly("s2", "s3", "s4");
      f.apply(new Command.Vote(ana, item4, 1));
      assertThat(f.queueSongIds()).containsExactly("s4", "s2", "s3");
    }

    @Test
    void oneVotePerParticipantReplacedAndWithdrawn() {
      String ana = f.host();
      String ben = f.guest("Ben");
      f.add(ana, 1);
      String item = f.add(ana, 2);
      f.apply(new Command.Vote(ben, item, 1));
      f.apply(new Command.Vote(ben, item, 1));
      assertThat(f.jam.queue().get(0).score()).isEqualTo(1);
      f.apply(new Command.Vote(ben, item, -1));
      assertThat(f.jam.queue().get(0).score()).isEqualTo(-1);
      assertThat(f.jam.queue().get(0).down()).isEqualTo(1);
      Outcome o = f.apply(new Command.Vote(ben, item, 0));
      assertThat(f.jam.queue().get(0).votes()).isEmpty();
      assertThat(((Map<?, ?>) o.reply().get("item")).get("score")).isEqualTo(0);
    }

    @Test
    void votingCanBeTurnedOffAndUnknownItemsAreRefused() {
      String ana = f.host();
      f.add(ana, 1);
      String item = f.add(ana, 2);
      refused(() -> f.apply(new Command.Vote(ana, "q-none", 1)), ErrorCode.ITEM_NOT_FOUND);
      f.apply(new Command.UpdateSettings(ana, Map.of("allowVoting", false)));
      refused(() -> f.apply(new Command.Vote(ana, item, 1)), ErrorCode.VOTING_DISABLED);
    }

    @Test
    void duplicatesUnknownSongsAndAFullQueueAreRefused() {
      f.jam = Jam.create("ABC123", "Ana", JamFixture.HOST_TOKEN, Settings.defaults(2), f.now);
      String ana = f.host();
      f.add(ana, 1);
      refused(() -> f.add(ana, 1), ErrorCode.DUPLICATE_SONG); // playing
      f.add(ana, 2);
      refused(() -> f.add(ana, 2), ErrorCode.DUPLICATE_SONG); // queued
      refused(() -> f.apply(new Command.AddToQueue(ana, "nope", null)), ErrorCode.UNKNOWN_SONG);
      f.add(ana, 3);
      refused(() -> f.add(ana, 4), ErrorCode.QUEUE_FULL);
      assertThat(f.jam.queue()).hasSize(2);
    }

    @Test
    void theAdderOrTheHostMayRemoveNobodyElse() {
      String ana = f.host();
      String ben = f.guest("Ben");
      String cy = f.guest("Cy");
      f.add(ana, 1);
      String bens = f.add(ben, 2);
      String bens2 = f.add(ben, 3);
      refused(() -> f.apply(new Command.RemoveFromQueue(cy, bens)), ErrorCode.NOT_OWNER);
      f.apply(new Command.RemoveFromQueue(ben, bens));
      f.apply(new Command.RemoveFromQueue(ana, bens2));
      assertThat(f.jam.queue()).isEmpty();
      refused(() -> f.apply(new Command.RemoveFromQueue(ana, bens2)), ErrorCode.ITEM_NOT_FOUND);
    }
  }

  @Nested
  class Playback {
    @Test
    void playNextIsTheHostsAndMovesCurrentToHistory() {
      String ana = f.host();
      String ben = f.guest("Ben");
      f.add(ana, 1);
      f.add(ben, 2);
      refused(() -> f.apply(new Command.PlayNext(ben)), ErrorCode.NOT_HOST);
      f.now += 5_000;
      Outcome o = f.apply(new Command.PlayNext(ana));
      assertThat(f.jam.current().song().id()).isEqualTo("s2");
      // Every player starts the new song at one instant a little ahead (PROTOCOL §6).
      assertThat(f.jam.playback()).isEqualTo(dev.jamsession.core.domain.Playback.scheduled(0, f.now));
      assertThat(f.jam.playback().updatedAt()).isEqualTo(f.now + dev.jamsession.core.domain.Playback.START_LEAD_MS);
      assertThat(f.jam.history()).singleElement().satisfies(h -> assertThat(h.song().id()).isEqualTo("s1"));
      assertThat(((Map<?, ?>) o.reply().get("current")).get("id")).isEqualTo(f.jam.current().id());
      assertThat(f.eventTypes()).contains("now-playing");
    }

    @Test
    void playNextOnAnEmptyQueueLeavesNothingCurrent() {
      String ana = f.host();
      Outcome idle = f.apply(new Command.PlayNext(ana));
      assertThat(idle.reply()).containsEntry("current", null);
      f.add(ana, 1);
      Outcome o = f.apply(new Command.PlayNext(ana));
      assertThat(f.jam.current()).isNull();
      assertThat(o.reply()).containsEntry("current", null);
      assertThat(f.jam.playback().isPlaying()).isFalse();
    }

    @Test
    void historyKeepsTheLastFiftyNewestFirst() {
      String ana = f.host();
      for (int i = 1; i <= 55; i++) {
        f.add(ana, i);
        f.apply(new Command.PlayNext(ana));
      }
      assertThat(f.jam.history()).hasSize(PlaybackRules.HISTORY_LIMIT);
      assertThat(f.jam.history().get(0).song().id()).isEqualTo("s55");
    }

    @Test
    void playbackUpdatesAreTheHostsUnlessGuestsMayControl() {
      String ana = f.host();
      String ben = f.guest("Ben");
      refused(() -> f.apply(new Command.PlaybackUpdate(ana, false, null)), ErrorCode.INVALID_INPUT);
      f.add(ana, 1);
      refused(() -> f.apply(new Command.PlaybackUpdate(ben, false, null)), ErrorCode.NOT_HOST);
      refused(() -> f.apply(new Command.PlaybackUpdate(ana, null, 999_999L)), ErrorCode.INVALID_INPUT);
      f.now += dev.jamsession.core.domain.Playback.START_LEAD_MS + 10_000; // the song starts a little ahead
      f.apply(new Command.PlaybackUpdate(ana, false, null));
      assertThat(f.jam.playback()).isEqualTo(new dev.jamsession.core.domain.Playback(false, 10_000, f.now));
      f.apply(new Command.UpdateSettings(ana, Map.of("guestsControlPlayback", true)));
      f.apply(new Command.PlaybackUpdate(ben, true, 30_000L));
      long lead = dev.jamsession.core.domain.Playback.START_LEAD_MS;
      assertThat(f.jam.playback().positionAt(f.now + lead / 2)).as("held until the scheduled start").isEqualTo(30_000);
      assertThat(f.jam.playback().positionAt(f.now + lead + 1_000)).isEqualTo(31_000);
    }

    @Test
    void theServerAdvancesWhenTheSongEnds() {
      String ana = f.host();
      f.add(ana, 1);
      f.add(ana, 2);
      f.now += 179_999 + dev.jamsession.core.domain.Playback.START_LEAD_MS;
      f.apply(new Command.Tick(30_000));
      assertThat(f.jam.current().song().id()).isEqualTo("s1");
      f.now += 1;
      f.apply(new Command.Tick(30_000));
      assertThat(f.jam.current().song().id()).isEqualTo("s2");
    }

    @Test
    void withoutAutoplayTheSongStopsAtItsEnd() {
      String ana = f.host();
      f.add(ana, 1);
      f.add(ana, 2);
      f.apply(new Command.UpdateSettings(ana, Map.of("autoPlay", false)));
      f.now += 200_000;
      f.apply(new Command.Tick(30_000));
      assertThat(f.jam.current().song().id()).isEqualTo("s1");
      assertThat(f.jam.playback()).isEqualTo(new dev.jamsession.core.domain.Playback(false, 180_000, f.now));
    }
  }

  @Nested
  class SkipVotes {
    @Test
    void skipWhenVotesReachTheThresholdOfConnectedParticipants() {
      String ana = f.host();
      String ben = f.guest("Ben");
      String cy = f.guest("Cy");
      f.guest("Di");
      f.add(ana, 1);
      f.add(ana, 2);
      assertThat(f.jam.skipNeeded()).isEqualTo(2); // ceil(0.5 x 4)
      Outcome o = f.apply(new Command.VoteSkip(ben, true));
      assertThat(o.reply().get("skipVotes")).isEqualTo(Map.of("count", 1, "needed", 2));
      f.apply(new Command.VoteSkip(ben, true)); // twice counts once
      assertThat(f.jam.skipCount()).isEqualTo(1);
      f.apply(new Command.VoteSkip(cy, true));
      assertThat(f.jam.current().song().id()).isEqualTo("s2");
      assertThat(f.jam.skipCount()).isZero();
      assertThat(f.jam.history().get(0).skippedBy()).containsExactlyInAnyOrder(ben, cy);
    }

    @Test
    void disconnectedParticipantsDoNotCountTowardNeeded() {
      String ana = f.host();
      String ben = f.guest("Ben");
      f.guest("Cy");
      String di = f.guest("Di");
      f.add(ana, 1);
      f.add(ana, 2);
      f.apply(new Command.VoteSkip(ben, true));
      assertThat(f.jam.current().song().id()).isEqualTo("s1");
      f.apply(new Command.Disconnect("conn-Di"));
      // 3 connected: ceil(1.5) = 2 still; a second disconnect brings it to 1 and the vote skips.
      f.apply(new Command.Disconnect("conn-Ana"));
      assertThat(f.jam.current().song().id()).isEqualTo("s2");
    }

    @Test
    void nothingPlayingMeansNoSkipVote() {
      String ana = f.host();
      refused(() -> f.apply(new Command.VoteSkip(ana, true)), ErrorCode.INVALID_INPUT);
    }
  }

  @Nested
  class Membership {
    @Test
    void leavingHostHandsOverToTheEarliestConnected() {
      String ana = f.host();
      String ben = f.guest("Ben");
      f.now += 1;
      String cy = f.guest("Cy");
      f.apply(new Command.Disconnect("conn-Ben"));
      f.apply(new Command.Leave(ana));
      assertThat(f.jam.hostId()).isEqualTo(cy);
      assertThat(f.eventTypes()).contains("participant-left", "host-changed");
    }

    @Test
    void whenNobodyIsConnectedTheEarliestJoinedBecomesHost() {
      String ana = f.host();
      String ben = f.guest("Ben");
      f.guest("Cy");
      f.apply(new Command.Disconnect("conn-Ben"));
      f.apply(new Command.Disconnect("x"));
      f.jam.participants().stream().filter(p -> !p.id().equals(ana) && !p.id().equals(ben))
          .forEach(p -> f.apply(new Command.Disconnect(p.connectionId())));
      f.apply(new Command.Leave(ana));
      assertThat(f.jam.hostId()).isEqualTo(ben);
    }

    @Test
    void hostLeavingAsTheLastParticipantLeavesAnEmptyJamAndTheNextJoinerLeads() {
      String ana = f.host();
      f.apply(new Command.Leave(ana));
      assertThat(f.jam.participants()).isEmpty();
      assertThat(f.jam.hostId()).isNull();
      String ben = f.guest("Ben");
      assertThat(f.jam.hostId()).isEqualTo(ben);
    }

    @Test
    void leaversKeepTheirSongsButLoseTheirVotes() {
      String ana = f.host();
      String ben = f.guest("Ben");
      f.add(ana, 1);
      String item = f.add(ben, 2);
      f.apply(new Command.Vote(ben, item, 1));
      f.apply(new Command.Vote(ana, item, 1));
      f.apply(new Command.Leave(ben));
      assertThat(f.jam.queue()).singleElement().satisfies(i -> {
        assertThat(i.addedBy()).isEqualTo("Ben");
        assertThat(i.votes()).containsOnlyKeys(ana);
      });
    }

    @Test
    void kickIsTheHostsAndTheKickedCannotResume() {
      String ana = f.host();
      String ben = f.guest("Ben");
      String cy = f.guest("Cy");
      String bensToken = f.participant(ben).resumeToken();
      refused(() -> f.apply(new Command.Kick(cy, ben)), ErrorCode.NOT_HOST);
      refused(() -> f.apply(new Command.Kick(ana, "p-none")), ErrorCode.NOT_FOUND);
      refused(() -> f.apply(new Command.Kick(ana, ana)), ErrorCode.INVALID_INPUT);
      f.apply(new Command.Kick(ana, ben));
      assertThat(f.jam.participant(ben)).isEmpty();
      assertThat(f.events.get(f.events.size() - 1)).satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.PARTICIPANT_LEFT);
        assertThat(e.reason()).isEqualTo("kicked");
      });
      refused(() -> f.apply(new Command.Join(null, null, bensToken, "conn-new")), ErrorCode.INVALID_TOKEN);
      refused(() -> f.apply(new Command.Snapshot(ben)), ErrorCode.NOT_JOINED);
    }

    @Test
    void transferHostMovesTheRole() {
      String ana = f.host();
      String ben = f.guest("Ben");
      refused(() -> f.apply(new Command.TransferHost(ben, ben)), ErrorCode.NOT_HOST);
      refused(() -> f.apply(new Command.TransferHost(ana, "p-none")), ErrorCode.NOT_FOUND);
      f.apply(new Command.TransferHost(ana, ben));
      assertThat(f.jam.hostId()).isEqualTo(ben);
      refused(() -> f.apply(new Command.PlayNext(ana)), ErrorCode.NOT_HOST);
    }

    @Test
    void aDisconnectedHostKeepsTheRoleThroughTheGraceAndResumesAsTheSameParticipant() {
      String ana = f.host();
      String ben = f.guest("Ben");
      f.add(ana, 1);
      String item = f.add(ben, 2);
      f.apply(new Command.Vote(ana, item, 1));
      String token = f.participant(ana).resumeToken();
      f.apply(new Command.Disconnect("conn-Ana"));
      assertThat(f.participant(ana).connected()).isFalse();
      assertThat(f.jam.hostId()).isEqualTo(ana);
      f.now += 29_000;
      f.apply(new Command.Tick(30_000));
      Outcome o = f.apply(new Command.Join(null, null, token, "conn-Ana-2"));
      @SuppressWarnings("unchecked")
      Map<String, Object> you = (Map<String, Object>) o.reply().get("you");
      assertThat(you).containsEntry("participantId", ana).containsEntry("isHost", true);
      assertThat(you.get("votes")).isEqualTo(Map.of(item, 1));
      assertThat(f.participant(ana).connected()).isTrue();
      // The old connection's late close must not disconnect the resumed participant.
      f.apply(new Command.Disconnect("conn-Ana"));
      assertThat(f.participant(ana).connected()).isTrue();
    }

    @Test
    void losingAGatewayDisconnectsExactlyItsParticipants() {
      String ana = f.join("Ana", JamFixture.HOST_TOKEN);
      String ben = f.guest("Ben");
      f.apply(new Command.Join("Cy", null, null, "gw-2/c1"));
      // JamFixture's connections are "conn-<name>"; Cy's came through gateway gw-2.
      f.apply(new Command.GatewayLost("gw-2"));
      assertThat(f.jam.participants()).filteredOn(p -> !p.connected()).extracting(Participant::name).containsExactly("Cy");
      assertThat(f.participant(ana).connected()).isTrue();
      assertThat(f.participant(ben).connected()).isTrue();
      f.apply(new Command.GatewayLost("conn")); // a prefix of an id is not a gateway id
      assertThat(f.participant(ana).connected()).isTrue();
    }

    @Test
    void graceExpiryRemovesTheParticipantAndMovesTheHostRole() {
      String ana = f.host();
      String ben = f.guest("Ben");
      String token = f.participant(ana).resumeToken();
      f.apply(new Command.Disconnect("conn-Ana"));
      f.now += 30_000;
      f.apply(new Command.Tick(30_000));
      assertThat(f.jam.participant(ana)).isEmpty();
      assertThat(f.jam.hostId()).isEqualTo(ben);
      assertThat(f.events).anySatisfy(e -> assertThat(e.reason()).isEqualTo("timeout"));
      refused(() -> f.apply(new Command.Join(null, null, token, "c")), ErrorCode.INVALID_TOKEN);
    }

    @Test
    void endSessionIsTheHostsAndRemovesTheJam() {
      String ana = f.host();
      String ben = f.guest("Ben");
      refused(() -> f.apply(new Command.EndSession(ben)), ErrorCode.NOT_HOST);
      Outcome o = f.apply(new Command.EndSession(ana));
      assertThat(o.ended()).isTrue();
      assertThat(f.events.get(f.events.size() - 1).type()).isEqualTo(EventType.SESSION_ENDED);
      refused(() -> f.engine.apply(null, new Command.Snapshot(ana), f.now), ErrorCode.NOT_FOUND);
    }
  }

  @Nested
  class OrderOfChecks {
    @Test
    void membershipBeforeShapeBeforePermission() {
      f.host();
      String ben = f.guest("Ben");
      Command bad = CommandParser.parse("jam.update-settings", "p-stranger", Map.of("maxQueueSize", 0), id -> java.util.Optional.empty());
      refused(() -> f.apply(bad), ErrorCode.NOT_JOINED);
      Command badFromGuest = CommandParser.parse("jam.update-settings", ben, Map.of("maxQueueSize", 0), id -> java.util.Optional.empty());
      refused(() -> f.apply(badFromGuest), ErrorCode.INVALID_INPUT);
      Command goodFromGuest = CommandParser.parse("jam.update-settings", ben, Map.of("maxQueueSize", 10), id -> java.util.Optional.empty());
      refused(() -> f.apply(goodFromGuest), ErrorCode.NOT_HOST);
    }

    @Test
    void aRefusalChangesNothing() {
      String ana = f.host();
      f.add(ana, 1);
      Jam before = f.jam;
      refused(() -> f.apply(new Command.UpdateSettings(ana, Map.of("maxQueueSize", 10, "skipThreshold", 2))), ErrorCode.INVALID_INPUT);
      assertThat(f.jam).isSameAs(before);
    }
  }

  @Nested
  class Expiry {
    @Test
    void idleJamsEndAndActiveOnesStay() {
      String ana = f.host();
      long created = f.now;
      f.now += 60_000;
      Outcome kept = f.engine.apply(f.jam, new Command.Expire(created - 1, 30_000), f.now);
      assertThat(kept.ended()).isFalse();
      Outcome ended = f.engine.apply(f.jam, new Command.Expire(created + 1, 30_000), f.now);
      assertThat(ended.ended()).isTrue();
      assertThat(ended.events()).singleElement().satisfies(e ->
          assertThat(e.reason()).isEqualTo("idle"));
      assertThat(ana).isNotNull();
    }

    @Test
    void emptyJamsEndAfterTheGrace() {
      String ana = f.host();
      f.apply(new Command.Leave(ana));
      f.now += 10_000;
      assertThat(f.engine.apply(f.jam, new Command.Expire(0, 30_000), f.now).ended()).isFalse();
      f.now += 20_000;
      Outcome o = f.engine.apply(f.jam, new Command.Expire(0, 30_000), f.now);
      assertThat(o.ended()).isTrue();
      assertThat(o.events().get(0).reason()).isEqualTo("empty");
    }
  }

  @Test
  void everyEventOfOneCommandSharesOneNewRevision() {
    String ana = f.host();
    f.events.clear();
    long rev = f.jam.rev();
    f.add(ana, 1); // queue-updated and now-playing
    assertThat(f.events).hasSize(2).allSatisfy(e -> assertThat(e.rev()).isEqualTo(rev + 1));
    f.events.clear();
    f.add(ana, 2);
    assertThat(f.events).allSatisfy(e -> assertThat(e.rev()).isEqualTo(rev + 2));
  }

  @Test
  void snapshotsShowOnlyTheViewersOwnTokenAndVotes() {
    String ana = f.host();
    String ben = f.guest("Ben");
    f.add(ana, 1);
    String item = f.add(ana, 2);
    f.apply(new Command.Vote(ben, item, -1));
    Map<String, Object> snap = f.apply(new Command.Snapshot(ben)).reply();
    assertThat(snap).containsKeys("code", "rev", "hostId", "participants", "queue", "current",
        "playback", "settings", "history", "skipVotes", "serverTime", "you");
    assertThat(snap.toString()).doesNotContain(f.participant(ana).resumeToken())
        .doesNotContain(JamFixture.HOST_TOKEN);
    @SuppressWarnings("unchecked")
    Map<String, Object> you = (Map<String, Object>) snap.get("you");
    assertThat(you).containsEntry("resumeToken", f.participant(ben).resumeToken())
        .containsEntry("votes", Map.of(item, -1));
    assertThat((List<?>) snap.get("participants")).hasSize(2);
    assertThat(song(1).toMap()).containsOnlyKeys("id", "title", "artist", "album", "genre", "year", "durationMs", "audioUrl");
  }

  @Nested
  class Autofill {
    @Test
    void aQueueRunningDryIsFilledByTheRecommenderNearTheEndOfTheLastSong() {
      String ana = f.host();
      assertThat(AutofillRule.needsAutofill(f.jam, f.now)).isFalse(); // never played: the room picks first
      f.add(ana, 1); // 180 s long, playing
      assertThat(AutofillRule.needsAutofill(f.jam, f.now)).isFalse(); // time left for the room to add
      f.apply(new Command.Autofill(song(9)));
      assertThat(f.jam.queue()).isEmpty();
      f.now += dev.jamsession.core.domain.Playback.START_LEAD_MS + 180_000 - AutofillRule.LEAD_MS;
      assertThat(AutofillRule.needsAutofill(f.jam, f.now)).isTrue();
      f.apply(new Command.Autofill(song(1))); // playing now: never added again
      assertThat(f.jam.queue()).isEmpty();
      f.apply(new Command.Autofill(song(9)));
      assertThat(f.jam.queue()).singleElement().satisfies(i -> {
        assertThat(i.addedBy()).isEqualTo(AutofillRule.RECOMMENDER_NAME);
        assertThat(i.addedById()).isEqualTo(AutofillRule.RECOMMENDER_ID);
      });
      f.apply(new Command.Autofill(song(8))); // the queue is no longer dry
      assertThat(f.jam.queue()).hasSize(1);
      f.apply(new Command.UpdateSettings(ana, Map.of("autofill", false)));
      f.apply(new Command.PlayNext(ana));
      f.now += 180_000;
      assertThat(AutofillRule.needsAutofill(f.jam, f.now)).isFalse();
    }
  }

  @Nested
  class Retries {
    @Test
    void aRetriedRequestIsAnsweredAgainWithoutApplyingTwice() {
      String ana = f.host();
      Outcome first = f.apply(new Command.Tracked(ana, "r1", new Command.AddToQueue(ana, "s1", song(1))));
      Outcome again = f.apply(new Command.Tracked(ana, "r1", new Command.AddToQueue(ana, "s1", song(1))));
      assertThat(again.changed()).isFalse();
      assertThat(again.reply()).isEqualTo(first.reply());
      f.add(ana, 2);
      f.add(ana, 3);
      f.apply(new Command.Tracked(ana, "r2", new Command.PlayNext(ana)));
      f.apply(new Command.Tracked(ana, "r2", new Command.PlayNext(ana)));
      assertThat(f.jam.current().song().id()).isEqualTo("s2");
    }

    @Test
    void aRetriedJoinIsTheSameParticipant() {
      f.host();
      Command join = new Command.Tracked("conn-ben", "j1", new Command.Join("Ben", null, null, "conn-ben"));
      Outcome first = f.apply(join);
      f.apply(new Command.Disconnect("conn-ben")); // the connection is no longer anyone's live one
      Outcome again = f.apply(join);
      assertThat(f.jam.participants()).hasSize(2);
      assertThat(((Map<?, ?>) again.reply().get("you")).get("participantId"))
          .isEqualTo(((Map<?, ?>) first.reply().get("you")).get("participantId"));
    }

    @Test
    void anotherParticipantsRequestsNeverEvictTheHosts() {
      String ana = f.host();
      String ben = f.guest("Ben");
      f.add(ana, 1);
      f.add(ana, 2);
      String item = f.add(ana, 3);
      Command playNext = new Command.Tracked(ana, "r-host", new Command.PlayNext(ana));
      f.apply(playNext);
      assertThat(f.jam.current().song().id()).isEqualTo("s2");
      for (int i = 0; i < 64; i++) {
        f.apply(new Command.Tracked(ben, "v" + i, new Command.Vote(ben, item, i % 2 == 0 ? 1 : -1)));
      }
      f.apply(playNext); // the host's retry, after 64 requests of another
      assertThat(f.jam.current().song().id()).isEqualTo("s2");
      assertThat(f.jam.applied().all()).filteredOn(a -> a.owner().equals(ben)).hasSize(Jam.REQUESTS_KEPT_PER_OWNER);
      assertThat(f.jam.applied(ben, "v0")).isEmpty();
      assertThat(f.jam.applied(ben, "v63")).isPresent();
      assertThat(f.jam.applied(ana, "v63")).isEmpty(); // ids are scoped by who sent them
    }

    @Test
    void aLeaverTakesTheirRememberedRequestsAlong() {
      String ana = f.host();
      Command join = new Command.Tracked("conn-ben", "j1", new Command.Join("Ben", null, null, "conn-ben"));
      String ben = (String) ((Map<?, ?>) f.apply(join).reply().get("you")).get("participantId");
      f.add(ana, 1);
      String item = f.add(ana, 2);
      f.apply(new Command.Tracked(ben, "v1", new Command.Vote(ben, item, 1)));
      f.apply(new Command.Leave(ben));
      assertThat(f.jam.applied().all()).noneMatch(a -> a.owner().equals(ben) || ben.equals(a.ref()));
    }
  }

  @Nested
  class Revisions {
    @Test
    void aReplyOfAChangeCarriesTheRevisionOfItsEvents() {
      String ana = f.host();
      f.add(ana, 1);
      String item = f.add(ana, 2);
      f.events.clear();
      Outcome vote = f.apply(new Command.Tracked(ana, "v1", new Command.Vote(ana, item, 1)));
      assertThat(vote.reply()).containsEntry("rev", f.jam.rev()).containsKey("item");
      assertThat(f.events).singleElement().satisfies(e -> assertThat(e.rev()).isEqualTo(f.jam.rev()));
      long rev = f.jam.rev();
      f.add(ana, 3);
      Outcome replayed = f.apply(new Command.Tracked(ana, "v1", new Command.Vote(ana, item, 1)));
      assertThat(replayed.reply()).containsEntry("rev", rev); // the revision the request made
      Outcome same = f.apply(new Command.Vote(ana, item, 1)); // changes nothing: no revision
      assertThat(same.changed()).isFalse();
      assertThat(same.reply()).doesNotContainKey("rev");
      Outcome ended = f.apply(new Command.EndSession(ana));
      assertThat(ended.reply()).containsEntry("rev", ended.events().get(0).rev());
    }
  }

  @Nested
  class Connections {
    @Test
    void joinsInFlightOnOneConnectionAreOneParticipant() {
      f.host();
      f.apply(new Command.Join("Ben", null, null, "conn-x"));
      Outcome second = f.apply(new Command.Join("Ben again", null, null, "conn-x"));
      assertThat(second.changed()).isFalse();
      assertThat(f.jam.participants()).hasSize(2);
      f.apply(new Command.Disconnect("conn-x"));
      assertThat(f.jam.connectedCount()).isEqualTo(1); // no ghost left connected
    }

    @Test
    void aResumeOnANewConnectionNamesTheOldOneAsDetached() {
      f.host();
      String ben = f.guest("Ben");
      String token = f.participant(ben).resumeToken();
      f.events.clear();
      f.apply(new Command.Join(null, null, token, "conn-new"));
      assertThat(f.events).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo(EventType.PARTICIPANT_UPDATED);
        assertThat(e.participantId()).isEqualTo(ben);
        assertThat(e.detachedConnection()).isEqualTo("conn-Ben");
      });
      f.apply(new Command.Disconnect("conn-Ben")); // the old socket's late close
      assertThat(f.participant(ben).connected()).isTrue();
      assertThat(f.participant(ben).connectionId()).isEqualTo("conn-new");
    }

    @Test
    void aConnectionAResumeMovedAwayNoLongerActsOrReadsAndJoinsAnew() {
      f.host();
      String ben = f.guest("Ben");
      f.add(ben, 1); // starts playing
      String item = f.add(ben, 2);
      f.apply(new Command.Join(null, null, f.participant(ben).resumeToken(), "conn-new"));
      long rev = f.jam.rev();
      for (Command c : List.<Command>of(new Command.Vote(ben, item, 1), new Command.AddToQueue(ben, "s3", song(3)),
          new Command.Snapshot(ben), new Command.Leave(ben), new Command.Invalid(ben, "bad"))) {
        refused(() -> f.apply(new Command.Via("conn-Ben", c)), ErrorCode.NOT_JOINED);
      }
      assertThat(f.jam.rev()).isEqualTo(rev);
      f.apply(new Command.Via("conn-new", new Command.Vote(ben, item, 1)));
      assertThat(f.jam.queue().get(0).score()).isEqualTo(1);
      // A join on the old connection is somebody new, not Ben again.
      Outcome rejoin = f.apply(new Command.Join("Ben", null, null, "conn-Ben"));
      @SuppressWarnings("unchecked")
      Map<String, Object> you = (Map<String, Object>) rejoin.reply().get("you");
      assertThat(you.get("participantId")).isNotEqualTo(ben);
      assertThat(f.participant(ben).connectionId()).isEqualTo("conn-new");
    }

    @Test
    void aDisconnectedParticipantsConnectionNoLongerActs() {
      f.host();
      String ben = f.guest("Ben");
      f.apply(new Command.Disconnect("conn-Ben"));
      refused(() -> f.apply(new Command.Via("conn-Ben", new Command.VoteSkip(ben, true))), ErrorCode.NOT_JOINED);
    }

    @Test
    void aResumeOnAnotherParticipantsConnectionDisconnectsThatOne() {
      String ana = f.host();
      String ben = f.guest("Ben");
      String cy = f.guest("Cy");
      f.apply(new Command.Join(null, null, f.participant(ben).resumeToken(), "conn-Cy"));
      assertThat(f.participant(ben).connectionId()).isEqualTo("conn-Cy");
      assertThat(f.participant(cy).connected()).isFalse();
      assertThat(f.jam.participants()).filteredOn(p -> p.isLiveOn("conn-Cy")).hasSize(1);
      assertThat(f.participant(ana).connected()).isTrue();
    }

    @Test
    void aDisconnectAppliesOnlyToTheLiveConnection() {
      f.host();
      String ben = f.guest("Ben");
      f.events.clear();
      f.apply(new Command.Disconnect("conn-unknown"));
      assertThat(f.events).isEmpty();
      f.apply(new Command.Disconnect("conn-Ben"));
      assertThat(f.participant(ben).connected()).isFalse();
      assertThat(f.events).singleElement().satisfies(e -> assertThat(e.participantId()).isEqualTo(ben));
    }
  }

  @Test
  void withoutRenderingTheStateIsTheSame() {
    String ana = f.host();
    String ben = f.guest("Ben");
    f.add(ana, 1);
    String item = f.add(ana, 2);
    Command[] commands = {
        new Command.Tracked(ben, "v1", new Command.Vote(ben, item, 1)),
        new Command.Join("Cy", null, null, "conn-cy"),
        new Command.VoteSkip(ben, true),
        new Command.Tracked(ben, "v1", new Command.Vote(ben, item, 1)),
        new Command.Disconnect("conn-Ben"),
        new Command.Tick(0),
        new Command.EndSession(ana)};
    Jam rendered = f.jam;
    Jam bare = f.jam;
    for (Command c : commands) {
      long now = f.now += 1_000;
      byte[] seed = new byte[DerivedIds.SEED_BYTES];
      seed[0] = (byte) now;
      Outcome full = new JamEngine(new DerivedIds(seed, "ABC123")).apply(rendered, c, now);
      Outcome state = new JamEngine(new DerivedIds(seed, "ABC123")).applyWithoutRendering(bare, c, now);
      assertThat(state.jam()).isEqualTo(full.jam());
      assertThat(state.changed()).isEqualTo(full.changed());
      assertThat(state.events()).isEmpty();
      rendered = full.jam();
      bare = state.jam();
    }
    assertThat(bare).isNull(); // ended alike
  }
}
