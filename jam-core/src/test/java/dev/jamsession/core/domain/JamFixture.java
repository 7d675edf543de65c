package dev.jamsession.core.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** A jam driven through the engine with deterministic ids and a hand-moved clock. */
final class JamFixture {
  static final String HOST_TOKEN = "host-token-0123456789abcdef";

  final JamEngine engine = new JamEngine(new CountingIds());
  Jam jam;
  long now = 1_000_000;
  final List<JamEvent> events = new ArrayList<>();

  JamFixture() {
    this(Settings.defaults(50));
  }

  JamFixture(Settings settings) {
    jam = Jam.create("ABC123", "Ana", HOST_TOKEN, settings, now);
  }

  /** Starts over: a new jam, nobody in it yet, with the default settings changed by {@code changes}. */
  void newJam(Map<String, Object> changes) {
    jam = Jam.create("ABC123", "Ana", HOST_TOKEN, Settings.defaults(50).apply(changes), now);
  }

  /** {@code call} is refused with {@code code}. */
  static void refused(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call).isInstanceOf(JamException.class)
        .extracting(t -> ((JamException) t).code()).isEqualTo(code);
  }

  static Song song(int n) {
    return song(n, 180_000);
  }

  static Song song(int n, long durationMs) {
    return song(n, durationMs, "rock");
  }

  static Song song(int n, long durationMs, String genre) {
    return new Song("s" + n, "Song " + n, "Artist " + n, "Album", genre, 2000, durationMs,
        "/api/songs/s" + n + "/audio", null, 0.5);
  }

  Outcome apply(Command c) {
    Outcome o = engine.apply(jam, c, now);
    jam = o.jam();
    events.addAll(o.events());
    return o;
  }

  /** Joins and returns the new participant's id. */
  String join(String name, String hostToken) {
    Outcome o = apply(new Command.Join(name, hostToken, null, "conn-" + name));
    @SuppressWarnings("unchecked")
    Map<String, Object> you = (Map<String, Object>) o.reply().get("you");
    return (String) you.get("participantId");
  }

  String host() {
    return join("Ana", HOST_TOKEN);
  }

  String guest(String name) {
    return join(name, null);
  }

  String add(String who, int songNumber) {
    return add(who, song(songNumber));
  }

  /** Adds {@code song} for {@code who}; the new item's id. */
  String add(String who, Song song) {
    Outcome o = apply(new Command.AddToQueue(who, song.id(), song));
    @SuppressWarnings("unchecked")
    Map<String, Object> item = (Map<String, Object>) o.reply().get("item");
    return (String) item.get("id");
  }

  List<String> queueSongIds() {
    return jam.queue().stream().map(i -> i.song().id()).toList();
  }

  List<String> eventTypes() {
    return events.stream().map(e -> e.type().wireName()).toList();
  }

  Participant participant(String id) {
    return jam.participant(id).orElseThrow();
  }

  static final class CountingIds implements Ids {
    private int next;

    @Override
    public String id(String prefix) {
      return prefix + (++next);
    }

    @Override
    public String token() {
      return "token-" + (++next);
    }
  }
}
