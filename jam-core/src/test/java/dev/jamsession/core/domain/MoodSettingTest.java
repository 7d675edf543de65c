package dev.jamsession.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.catalog.Moods;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The jam setting {@code mood} (PROTOCOL §11, §13): null or a mood id, like every other setting. */
class MoodSettingTest {
  private final JamFixture f = new JamFixture();
  private final String ana = f.host();

  private static Map<String, Object> mood(Object value) {
    Map<String, Object> patch = new HashMap<>();
    patch.put("mood", value);
    return patch;
  }

  @Test
  void defaultsToNoneAndTakesEveryMoodAndNullAgain() {
    assertThat(Settings.defaults(50).mood()).isNull();
    assertThat(Settings.defaults(50).toMap()).containsEntry("mood", null);
    for (Mood m : Moods.ALL) {
      assertThat(Settings.defaults(50).apply(mood(m.id())).mood()).isEqualTo(m.id());
    }
    Settings chill = Settings.defaults(50).apply(mood("chill"));
    assertThat(chill.apply(mood(null)).mood()).isNull();
    assertThat(chill.apply(Map.of("maxQueueSize", 9)).mood()).isEqualTo("chill"); // left out: kept
  }

  @Test
  void anUnknownMoodOrAWrongTypeIsInvalidInputAndChangesNothing() {
    for (Object bad : List.of("sleepy", "Chill", "", " chill", 7, true, List.of("chill"), Map.of("id", "chill"))) {
      Map<String, Object> patch = mood(bad);
      patch.put("maxQueueSize", 7); // a valid field beside it is not applied either
      assertThat(CommandParser.parse("jam.update-settings", ana, patch, id -> Optional.empty()))
          .as("%s", bad).isInstanceOf(Command.Invalid.class);
      Jam before = f.jam;
      assertThatThrownBy(() -> f.apply(new Command.UpdateSettings(ana, patch)))
          .isInstanceOfSatisfying(JamException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains("chill", "energetic", "feel-good", "melancholy", "focus");
          });
      assertThat(f.jam).isSameAs(before);
    }
    assertThatThrownBy(() -> Settings.mood("sleepy")).isInstanceOf(JamException.class);
    assertThat(Settings.mood(null)).isNull();
  }

  @Test
  void settingItIsTheHostsAndItsEventCarriesIt() {
    String ben = f.guest("Ben");
    assertThatThrownBy(() -> f.apply(new Command.UpdateSettings(ben, mood("chill"))))
        .isInstanceOfSatisfying(JamException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_HOST));
    f.events.clear();
    Outcome set = f.apply(new Command.UpdateSettings(ana, mood("focus")));
    assertThat(f.jam.settings().mood()).isEqualTo("focus");
    assertThat(set.reply()).extracting(r -> ((Map<?, ?>) r.get("settings")).get("mood")).isEqualTo("focus");
    assertThat(f.events).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(EventType.SETTINGS_UPDATED);
      assertThat(((Map<?, ?>) e.data().get("settings")).get("mood")).isEqualTo("focus");
      assertThat(e.data()).doesNotContainKey("queue"); // a mood reorders nothing
    });
    assertThat(((Map<?, ?>) Views.field(f.jam, SnapshotField.SETTINGS)).get("mood")).isEqualTo("focus");
    f.events.clear();
    Outcome cleared = f.apply(new Command.UpdateSettings(ana, mood(null)));
    assertThat(f.jam.settings().mood()).isNull();
    assertThat(cleared.changed()).isTrue();
    assertThat(((Map<?, ?>) f.events.get(0).data().get("settings")).get("mood")).isNull();
    assertThat(f.apply(new Command.UpdateSettings(ana, mood(null))).changed()).isFalse(); // the same: no event
  }

  @Test
  void aRetryIsAnsweredFromTheJamAndAppliesNothingAgain() {
    Command first = new Command.Tracked(ana, "r1", new Command.UpdateSettings(ana, mood("chill")));
    Outcome applied = f.apply(first);
    long rev = f.jam.rev();
    f.apply(new Command.UpdateSettings(ana, mood("melancholy")));
    f.events.clear();
    Outcome retried = f.apply(first);
    assertThat(retried.events()).isEmpty();
    assertThat(f.jam.settings().mood()).isEqualTo("melancholy"); // not set back to chill
    assertThat(retried.reply()).containsEntry("rev", rev);
    assertThat(((Map<?, ?>) retried.reply().get("settings")).get("mood")).isEqualTo("melancholy");
    assertThat(((Map<?, ?>) applied.reply().get("settings")).get("mood")).isEqualTo("chill");
  }

  @Test
  void aMoodRefusesNoAddItOnlySteersTheRecommender() {
    f.apply(new Command.UpdateSettings(ana, mood("energetic")));
    f.add(ana, 1); // a song without features, in no mood: still welcome
    assertThat(f.jam.current().song().id()).isEqualTo("s1");
    assertThat(f.jam.settings().songRules()).isEqualTo(SongRules.NONE);
  }
}
