package dev.jamsession.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InputTest {
  @Test
  void namesAreTrimmedAndCountedInCodePoints() {
    assertThat(Input.name("  Ana  ", "userName")).isEqualTo("Ana");
    assertThat(Input.name("😀".repeat(20), "userName")).hasSize(40);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "abcdefghijklmnopqrstu", "Ana\u0000", "Ana\u200B", "Ana\nBen", "\u202Eevil"})
  void badNamesAreRefused(String name) {
    assertThatThrownBy(() -> Input.name(name, "userName")).isInstanceOf(JamException.class);
  }

  @Test
  void codesAreUpperCasedAndStrict() {
    assertThat(Input.code("abc123")).isEqualTo("ABC123");
    assertThatThrownBy(() -> Input.code("ABC12")).isInstanceOf(JamException.class);
    assertThatThrownBy(() -> Input.code("ABC-23")).isInstanceOf(JamException.class);
    assertThatThrownBy(() -> Input.code(123456)).isInstanceOf(JamException.class);
  }

  @Test
  void wrongTypesAndRangesBecomeInvalidCommands() {
    var none = (dev.jamsession.core.catalog.SongLookup) id -> Optional.empty();
    assertThat(CommandParser.parse("jam.vote", "p", Map.of("itemId", "q", "value", 2), none)).isInstanceOf(Command.Invalid.class);
    assertThat(CommandParser.parse("jam.vote", "p", Map.of("itemId", "q", "value", "1"), none)).isInstanceOf(Command.Invalid.class);
    assertThat(CommandParser.parse("jam.vote", "p", Map.of("itemId", "q", "value", 0), none)).isInstanceOf(Command.Vote.class);
    assertThat(CommandParser.parse("jam.playback-update", "p", Map.of("positionMs", 1.5), none)).isInstanceOf(Command.Invalid.class);
    assertThat(CommandParser.parse("jam.playback-update", "p", Map.of("positionMs", -1), none)).isInstanceOf(Command.Invalid.class);
    assertThat(CommandParser.parse("jam.playback-update", "p", Map.of(), none)).isInstanceOf(Command.Invalid.class);
    assertThat(CommandParser.parse("jam.vote-skip", "p", Map.of("value", "yes"), none)).isInstanceOf(Command.Invalid.class);
    assertThat(CommandParser.parse("jam.add-to-queue", "p", Map.of("songId", 42), none)).isInstanceOf(Command.Invalid.class);
    assertThat(CommandParser.parse("jam.update-settings", "p", Map.of("skipThreshold", 0), none)).isInstanceOf(Command.Invalid.class);
    assertThat(CommandParser.parse("jam.update-settings", "p", Map.of("maxParticipants", 501), none)).isInstanceOf(Command.Invalid.class);
    assertThat(CommandParser.parse("jam.update-settings", "p", Map.of("unknown", 1, "listed", true), none))
        .isInstanceOfSatisfying(Command.UpdateSettings.class, c -> assertThat(c.patch()).containsOnlyKeys("listed"));
  }

  @Test
  void joinNeedsANameUnlessResuming() {
    assertThat(CommandParser.parseJoin(Map.of("resumeToken", "t"), "c").userName()).isNull();
    assertThatThrownBy(() -> CommandParser.parseJoin(Map.of(), "c")).isInstanceOf(JamException.class);
    assertThatThrownBy(() -> CommandParser.parseJoin(Map.of("userName", "Ana", "hostToken", 5), "c"))
        .isInstanceOf(JamException.class);
  }

  @Test
  void aBodyThatIsNoObjectIsInvalidAndNullCountsAsEmpty() {
    var none = (dev.jamsession.core.catalog.SongLookup) id -> Optional.empty();
    for (Object body : new Object[] {"x", 42, java.util.List.of(1, 2), true}) {
      assertThat(CommandParser.parse("jam.leave-session", "p", body, none)).isInstanceOf(Command.Invalid.class);
      assertThatThrownBy(() -> CommandParser.parseJoin(body, "c"))
          .isInstanceOfSatisfying(JamException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }
    assertThat(CommandParser.parse("jam.leave-session", "p", null, none)).isInstanceOf(Command.Leave.class);
  }

  @Test
  void aPlaybackFieldSentAsNullIsInvalid() {
    var none = (dev.jamsession.core.catalog.SongLookup) id -> Optional.empty();
    java.util.Map<String, Object> body = new java.util.HashMap<>();
    body.put("isPlaying", true);
    body.put("positionMs", null);
    assertThat(CommandParser.parse("jam.playback-update", "p", body, none)).isInstanceOf(Command.Invalid.class);
    body.remove("positionMs");
    assertThat(CommandParser.parse("jam.playback-update", "p", body, none))
        .isInstanceOfSatisfying(Command.PlaybackUpdate.class, c -> assertThat(c.positionMs()).isNull());
  }
}
