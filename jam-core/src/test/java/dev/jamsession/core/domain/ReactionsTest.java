package dev.jamsession.core.domain;

import static dev.jamsession.core.domain.JamFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reactions and screens (PROTOCOL §12) in the domain. */
class ReactionsTest {
  private final JamFixture f = new JamFixture();

  private Command react(String actor, Object emoji) {
    return CommandParser.parse("jam.react", actor, Map.of("emoji", emoji), id -> Optional.empty());
  }

  @Test
  void theSixEmojiAreTakenAndABareHeartIsEchoedWithItsSelector() {
    for (String e : Reactions.EMOJI) {
      assertThat(Reactions.emoji(e)).isEqualTo(e);
    }
    assertThat(Reactions.emoji("\u2764")).isEqualTo("\u2764\uFE0F");
    for (Object bad : new Object[] {"🙂", "🔥🔥", "\u2764\uFE0E", " 🔥", "", 1, null}) {
      assertThatThrownBy(() -> Reactions.emoji(bad)).as(String.valueOf(bad)).isInstanceOf(JamException.class)
          .extracting(t -> ((JamException) t).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }
  }

  @Test
  void aReactionIsPublishedAtTheCurrentRevAndChangesNothing() {
    String ana = f.host();
    f.add(ana, 1);
    Jam before = f.jam;
    f.events.clear();
    Outcome o = f.apply(react(ana, "\u2764"));
    assertThat(o.changed()).isFalse();
    assertThat(o.reply()).isEmpty();
    assertThat(f.jam).isSameAs(before);
    assertThat(o.events()).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.REACTION);
      assertThat(e.rev()).isEqualTo(before.rev());
      assertThat(e.data()).containsOnlyKeys("participant", "emoji", "at")
          .containsEntry("emoji", "\u2764\uFE0F").containsEntry("at", f.now)
          .containsEntry("participant", Views.participant(f.participant(ana), ana));
    });
  }

  @Test
  void aStrangerIsNotJoinedBeforeItsBodyIsLookedAt() {
    f.host();
    refused(() -> f.apply(react("p-nobody", "🔥")), ErrorCode.NOT_JOINED);
    refused(() -> f.apply(react("p-nobody", "nope")), ErrorCode.NOT_JOINED);
    String ben = f.guest("Ben");
    refused(() -> f.apply(react(ben, "nope")), ErrorCode.INVALID_INPUT);
  }

  @Test
  void theHostCanTurnReactionsOff() {
    String ana = f.host();
    String ben = f.guest("Ben");
    f.apply(new Command.UpdateSettings(ana, Map.of("reactions", false)));
    refused(() -> f.apply(react(ben, "🎉")), ErrorCode.NOT_ALLOWED);
    refused(() -> f.apply(react(ana, "🎉")), ErrorCode.NOT_ALLOWED);
    f.apply(new Command.UpdateSettings(ana, Map.of("reactions", true)));
    assertThat(f.apply(react(ben, "🎉")).events()).hasSize(1);
  }

  @Test
  void atMostTenAcceptedInAnyTenSecondsAndRefusedOnesDoNotCount() {
    ReactionWindow w = ReactionWindow.EMPTY;
    long t = 1_000_000;
    for (int i = 0; i < 10; i++) {
      w = w.accept(t + i * 1_000L); // one a second
    }
    ReactionWindow full = w;
    refused(() -> full.accept(t + 9_999), ErrorCode.RATE_LIMITED);
    refused(() -> full.accept(t + 9_999), ErrorCode.RATE_LIMITED); // refusals leave it as it was
    w = w.accept(t + 10_000); // the first is 10 s old: out of the window
    ReactionWindow again = w;
    refused(() -> again.accept(t + 10_500), ErrorCode.RATE_LIMITED);
    assertThat(w.accept(t + 11_000).acceptedAt()).hasSize(10).first().isEqualTo(t + 2_000);
  }

  @Test
  void aBurstOfTenAtOnceIsTheLimit() {
    ReactionWindow w = ReactionWindow.EMPTY;
    for (int i = 0; i < 10; i++) {
      w = w.accept(5_000);
    }
    ReactionWindow full = w;
    refused(() -> full.accept(14_999), ErrorCode.RATE_LIMITED);
    assertThat(full.accept(15_000).acceptedAt()).containsExactly(15_000L);
  }

  @Test
  void aScreenSeesTheSnapshotWithoutYouAndIsNoParticipant() {
    String ana = f.host();
    f.add(ana, 1);
    Outcome o = f.apply(new Command.Watch());
    assertThat(o.changed()).isFalse();
    assertThat(o.reply()).doesNotContainKey("you")
        .containsKeys("code", "rev", "hostId", "participants", "queue", "current", "playback", "settings",
            "history", "skipVotes", "serverTime")
        .isEqualTo(Views.screenSnapshot(f.jam, f.now));
    assertThat(f.jam.participants()).hasSize(1);
    refused(() -> f.engine.apply(null, new Command.Watch(), f.now), ErrorCode.NOT_FOUND);
  }
}
