package dev.jamsession.gateway;

import static dev.jamsession.gateway.BridgeReplies.ok;
import static dev.jamsession.gateway.BridgeReplies.refused;
import static dev.jamsession.gateway.JamOverBridgeTest.eventAtLeast;
import static dev.jamsession.gateway.JamOverBridgeTest.queueSongIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.protocol.Addresses;
import dev.jamsession.gateway.JamServer.Member;
import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The party rules, reactions and screens of PROTOCOL §11 and §12 end to end: real gateway and
 * session-service on a loopback cluster, clients speaking raw bridge frames over WebSocket.
 */
class PartyOverBridgeTest {
  // A short grace, so that a jam left empty may end within the test.
  @RegisterExtension
  static final JamServer server = JamServer.perClass(1, Map.of("DISCONNECT_GRACE", "1000", "RATE_LIMIT_MAX", "100000",
      "WS_RATE_LIMIT_MAX", "100000", "CREATE_RATE_LIMIT_MAX", "100000"));
  static List<Song> songs;

  @BeforeAll
  static void start() throws Exception {
    songs = server.catalog.all();
  }

  static JsonObject add(Member m, Song song) throws Exception {
    return m.add(song.id());
  }

  static JsonObject settings(Member host, JsonObject patch) throws Exception {
    return ok(host.send("jam.update-settings", patch));
  }

  /** A jam of host Ana, without autoplay unless asked, so that the queue is what the rules made it. */
  static Member hostOf(JsonObject settings) throws Exception {
    JsonObject created = server.create("Ana", settings.put("autoPlay", settings.getBoolean("autoPlay", false)));
    return server.join(created.getString("sessionCode"), "Ana", created.getString("hostToken"));
  }

  static String code(Member m) {
    return m.snapshot().getString("code");
  }

  /** A connection made a screen of the jam, registered on its events. */
  static BridgeClient screenOf(String code) throws Exception {
    BridgeClient tv = server.connect();
    ok(tv.request("jam.watch", new JsonObject().put("code", code)));
    tv.register(Addresses.events(code));
    tv.awaitEvent("subscribed");
    return tv;
  }

  /** The first event of {@code type} on jam {@code code}'s address with rev >= {@code minRev}. */
  static JsonObject event(BridgeClient c, String code, String type, long minRev) throws Exception {
    return c.await(f -> Addresses.events(code).equals(f.getString("address"))
        && f.getValue("body") instanceof JsonObject b && type.equals(b.getString("type"))
        && b.getLong("rev", 0L) >= minRev).getJsonObject("body");
  }

  /** The participant-left of {@code participantId} as {@code watcher} saw it. */
  static JsonObject leftEvent(Member watcher, String participantId) throws Exception {
    return watcher.client().await(f -> f.getValue("body") instanceof JsonObject b
        && "participant-left".equals(b.getString("type"))
        && participantId.equals(b.getJsonObject("data").getJsonObject("participant").getString("id")))
        .getJsonObject("body").getJsonObject("data");
  }

  /** Whether any event of jam {@code code} with rev >= {@code rev} reached the client. */
  static boolean sawEventOf(BridgeClient c, String code, long rev) {
    return c.frames().stream().anyMatch(f -> Addresses.events(code).equals(f.getString("address"))
        && f.getJsonObject("body").getLong("rev", 0L) >= rev && !"subscribed".equals(f.getJsonObject("body").getString("type")));
  }

  @Test
  void everyRuleRefusesAnAddWithItsCodeAndRemovesNothing() throws Exception {
    Member ana = hostOf(new JsonObject().put("guestsCanAdd", false));
    Member ben = server.join(code(ana), "Ben", null);
    List<Song> pool = songs.subList(10, songs.size());

    refused(add(ben, songs.get(0)), "NOT_HOST");
    ok(add(ana, songs.get(0)));

    settings(ana, new JsonObject().put("guestsCanAdd", true).put("maxSongsPerPerson", 1));
    ok(add(ben, songs.get(1)));
    JsonObject limited = add(ben, songs.get(2));
    refused(limited, "PERSON_LIMIT");
    assertThat(limited.getString("error")).isEqualTo("Ben already has 1 song queued");
    refused(add(ana, songs.get(2)), "PERSON_LIMIT"); // the host is bound too

    Song longest = pool.stream().max(Comparator.comparingLong(Song::durationMs)).orElseThrow();
    long limit = Math.max(30_000, longest.durationMs() - 1);
    assertThat(longest.durationMs()).isGreaterThan(limit);
    settings(ana, new JsonObject().put("maxSongsPerPerson", 0).put("maxSongDurationMs", limit));
    JsonObject tooLong = add(ben, longest);
    refused(tooLong, "NOT_ALLOWED");
    assertThat(tooLong.getString("error")).startsWith("Longer than the ").endsWith(" limit");

    Song other = pool.stream().filter(s -> s.durationMs() <= limit && s.genre() != null && !s.genre().isEmpty())
        .findFirst().orElseThrow();
    settings(ana, new JsonObject().put("maxSongDurationMs", 0)
        .put("blockedGenres", new JsonArray().add(other.genre().toUpperCase())));
    JsonObject blocked = add(ana, other);
    refused(blocked, "NOT_ALLOWED");
    assertThat(blocked.getString("error")).isEqualToIgnoringCase(other.genre() + " is blocked in this jam");

    // A wrong type or range is INVALID_INPUT and changes nothing, not even the valid field beside it.
    refused(ana.send("jam.update-settings", new JsonObject().put("fairQueue", true).put("maxSongsPerPerson", "3")),
        "INVALID_INPUT");
    refused(ana.send("jam.update-settings", new JsonObject().put("blockedGenres", "Metal")), "INVALID_INPUT");
    HttpResponse<String> badCreate = server.post("/api/jam/create", new JsonObject().put("hostName", "Eve")
        .put("settings", new JsonObject().put("maxSongDurationMs", 1_000)).encode());
    assertThat(badCreate.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(badCreate.body()).getString("code")).isEqualTo("INVALID_INPUT");

    JsonObject snapshot = ok(ana.send("jam.snapshot", null));
    assertThat(queueSongIds(snapshot)).containsExactly(songs.get(0).id(), songs.get(1).id());
    assertThat(snapshot.getJsonObject("settings").getBoolean("fairQueue")).isFalse();
    assertThat(snapshot.getJsonObject("settings").getJsonArray("blockedGenres"))
        .containsExactly(other.genre().toUpperCase());
  }

  @Test
  void theFairQueueInterleavesGuestsAndItsSettingsEventCarriesTheQueue() throws Exception {
    Member ana = hostOf(new JsonObject());
    Member ben = server.join(code(ana), "Ben", null);
    Member cy = server.join(code(ana), "Cy", null);
    List<Song> mine = songs.subList(20, 25);
    for (int i = 0; i < 3; i++) {
      ok(add(ben, mine.get(i)));
    }
    ok(add(cy, mine.get(3)));
    ok(add(cy, mine.get(4)));

    JsonObject changed = settings(ana, new JsonObject().put("fairQueue", true));
    List<String> fair = List.of(mine.get(0).id(), mine.get(3).id(), mine.get(1).id(), mine.get(4).id(), mine.get(2).id());
    for (Member m : List.of(ana, ben, cy)) {
      JsonObject data = eventAtLeast(m, "settings-updated", changed.getLong("rev")).getJsonObject("data");
      assertThat(queueSongIds(data)).containsExactlyElementsOf(fair);
      assertThat(data.getJsonArray("queue").stream().map(i -> ((JsonObject) i).getInteger("round")))
          .containsExactly(0, 0, 1, 1, 2);
    }
    // Votes still come first; a setting that reorders nothing leaves the queue out of its event.
    JsonObject queue = ok(ana.send("jam.snapshot", null));
    ok(ana.send("jam.vote", new JsonObject().put("itemId", queue.getJsonArray("queue").getJsonObject(4).getString("id"))
        .put("value", 1)));
    assertThat(queueSongIds(ok(ana.send("jam.snapshot", null))).get(0)).isEqualTo(mine.get(2).id());
    JsonObject plain = settings(ana, new JsonObject().put("skipMaxVotes", 2));
    assertThat(eventAtLeast(ana, "settings-updated", plain.getLong("rev")).getJsonObject("data").containsKey("queue"))
        .isFalse();
  }

  /** The mood of §13: set on create and by the host, seen by guests, an unknown one refused. */
  @Test
  void theHostsMoodReachesEveryoneAndAnUnknownOneIsRefused() throws Exception {
    Member ana = hostOf(new JsonObject().put("mood", "focus"));
    Member ben = server.join(code(ana), "Ben", null);
    assertThat(ben.snapshot().getJsonObject("settings").getString("mood")).isEqualTo("focus");
    JsonObject changed = settings(ana, new JsonObject().put("mood", "feel-good"));
    assertThat(changed.getJsonObject("settings").getString("mood")).isEqualTo("feel-good");
    assertThat(eventAtLeast(ben, "settings-updated", changed.getLong("rev")).getJsonObject("data")
        .getJsonObject("settings").getString("mood")).isEqualTo("feel-good");
    refused(ben.send("jam.update-settings", new JsonObject().put("mood", "chill")), "NOT_HOST");
    refused(ana.send("jam.update-settings", new JsonObject().put("mood", "sleepy")), "INVALID_INPUT");
    refused(ana.send("jam.get-recommendations", new JsonObject().put("mood", "sleepy")), "INVALID_INPUT");
    JsonObject cleared = settings(ana, new JsonObject().putNull("mood"));
    assertThat(cleared.getJsonObject("settings").containsKey("mood")).isTrue();
    assertThat(eventAtLeast(ben, "settings-updated", cleared.getLong("rev")).getJsonObject("data")
        .getJsonObject("settings").getValue("mood")).isNull();
    HttpResponse<String> bad = server.post("/api/jam/create",
        new JsonObject().put("hostName", "Cy").put("settings", new JsonObject().put("mood", "sleepy")).encode());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(bad.body()).getString("code")).isEqualTo("INVALID_INPUT");
  }

  @Test
  void theSkipCapLowersTheVotesNeeded() throws Exception {
    Member ana = hostOf(new JsonObject().put("skipThreshold", 1.0).put("autoPlay", true));
    List<Member> guests = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      guests.add(server.join(code(ana), "G" + i, null));
    }
    ok(add(ana, songs.get(30)));
    ok(add(ana, songs.get(31)));
    assertThat(ok(ana.send("jam.snapshot", null)).getJsonObject("skipVotes").getInteger("needed")).isEqualTo(4);
    JsonObject capped = settings(ana, new JsonObject().put("skipMaxVotes", 2));
    assertThat(eventAtLeast(ana, "settings-updated", capped.getLong("rev")).getJsonObject("data")
        .getJsonObject("skipVotes").getInteger("needed")).isEqualTo(2);
    ok(guests.get(0).send("jam.vote-skip", new JsonObject().put("value", true)));
    ok(guests.get(1).send("jam.vote-skip", new JsonObject().put("value", true)));
    assertThat(ok(ana.send("jam.snapshot", null)).getJsonObject("current").getJsonObject("song").getString("id"))
        .isEqualTo(songs.get(31).id());
  }

  @Test
  void reactionsReachParticipantsAndScreensWithinTheirRate() throws Exception {
    Member ana = hostOf(new JsonObject());
    Member ben = server.join(code(ana), "Ben", null);
    BridgeClient tv = screenOf(code(ana));
    long rev = ok(ana.send("jam.snapshot", null)).getLong("rev");

    assertThat(ok(ana.send("jam.react", new JsonObject().put("emoji", "\u2764")))).isEmpty(); // no rev: nothing changed
    for (BridgeClient c : List.of(ana.client(), ben.client(), tv)) {
      JsonObject reaction = event(c, code(ana), "reaction", 0);
      assertThat(reaction.getLong("rev")).isEqualTo(rev);
      JsonObject data = reaction.getJsonObject("data");
      assertThat(data.getString("emoji")).isEqualTo("\u2764\uFE0F");
      assertThat(data.getJsonObject("participant").getString("id")).isEqualTo(ana.id());
      assertThat(data.getJsonObject("participant").getString("name")).isEqualTo("Ana");
      assertThat(data.getLong("at")).isPositive();
    }
    assertThat(ok(ana.send("jam.snapshot", null)).getLong("rev")).isEqualTo(rev);

    refused(ben.send("jam.react", new JsonObject().put("emoji", "🙂")), "INVALID_INPUT");
    refused(tv.request("jam.react", new JsonObject().put("emoji", "🔥")), "NOT_JOINED");
    refused(server.connect().request("jam.react", new JsonObject().put("emoji", "🔥")), "NOT_JOINED");

    settings(ana, new JsonObject().put("reactions", false));
    for (int i = 0; i < 3; i++) { // refused: these do not count against Ben's rate
      refused(ben.send("jam.react", new JsonObject().put("emoji", "👏")), "NOT_ALLOWED");
    }
    settings(ana, new JsonObject().put("reactions", true));

    List<Future<JsonObject>> burst = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      burst.add(ben.client().requestAsync("jam.react", new JsonObject().put("emoji", "🎉")));
    }
    Future.all(burst).await(15, TimeUnit.SECONDS);
    assertThat(burst.stream().filter(f -> f.result().getBoolean("success"))).hasSize(10);
    assertThat(burst.stream().filter(f -> !f.result().getBoolean("success")))
        .allSatisfy(f -> assertThat(f.result().getString("code")).isEqualTo("RATE_LIMITED")).hasSize(2);
    refused(ben.send("jam.react", new JsonObject().put("emoji", "🎉")), "RATE_LIMITED");
    ok(ana.send("jam.react", new JsonObject().put("emoji", "🔥"))); // a rate per participant

    // A later event of the jam arrives after the reactions published before it.
    JsonObject fence = settings(ana, new JsonObject().put("listed", false).put("maxQueueSize", 49));
    event(tv, code(ana), "settings-updated", fence.getLong("rev"));
    assertThat(tv.events().stream().filter(e -> "reaction".equals(e.getString("type"))
        && ben.id().equals(e.getJsonObject("data").getJsonObject("participant").getString("id")))).hasSize(10);
  }

  @Test
  void aScreenSeesTheJamButIsNobodyInItAndStopsWithIt() throws Exception {
    Member ana = hostOf(new JsonObject().put("skipThreshold", 1.0).put("maxParticipants", 2));
    String code = code(ana);
    BridgeClient tv = server.connect();
    refused(tv.request("jam.watch", new JsonObject().put("code", "nope")), "INVALID_INPUT");
    refused(tv.request("jam.watch", new JsonObject()), "INVALID_INPUT");
    refused(tv.request("jam.watch", "ABCDEF"), "INVALID_INPUT");
    refused(tv.request("jam.watch", new JsonObject().put("code", "ZZZZZ9")), "NOT_FOUND");
    refused(tv.request("jam.snapshot", null), "NOT_JOINED");

    JsonObject snap = ok(tv.request("jam.watch", new JsonObject().put("code", code.toLowerCase())));
    assertThat(snap.fieldNames()).containsExactlyInAnyOrder("code", "rev", "hostId", "participants", "queue",
        "current", "playback", "settings", "history", "skipVotes", "serverTime");
    assertThat(snap.getString("code")).isEqualTo(code);
    assertThat(snap.getJsonArray("participants")).hasSize(1);
    tv.register(Addresses.events(code));
    tv.awaitEvent("subscribed");

    // Events reach it; it is in no list and counts toward no limit or vote.
    Member ben = server.join(code, "Ben", null);
    JsonObject joined = event(tv, code, "participant-joined", 0).getJsonObject("data");
    assertThat(joined.getJsonArray("participants").stream().map(p -> ((JsonObject) p).getString("name")))
        .containsExactly("Ana", "Ben");
    assertThat(joined.getJsonObject("skipVotes").getInteger("needed")).isEqualTo(2);
    BridgeClient secondTv = screenOf(code); // a full jam may still be watched
    refused(server.connect().request("jam.join-session", new JsonObject().put("code", code).put("userName", "Cy")),
        "SESSION_FULL");
    JsonObject added = ok(add(ben, songs.get(40)));
    assertThat(queueSongIds(event(tv, code, "queue-updated", added.getLong("rev")).getJsonObject("data")))
        .containsExactly(songs.get(40).id());
    JsonObject summary = new JsonObject(server.get("/api/jam/session/" + code).body()).getJsonObject("data");
    assertThat(summary.getInteger("participantCount")).isEqualTo(2);

    // It cannot act.
    String item = added.getJsonObject("item").getString("id");
    Map<String, JsonObject> acts = Map.ofEntries(
        Map.entry("jam.add-to-queue", new JsonObject().put("songId", songs.get(41).id())),
        Map.entry("jam.vote", new JsonObject().put("itemId", item).put("value", 1)),
        Map.entry("jam.remove-from-queue", new JsonObject().put("itemId", item)),
        Map.entry("jam.play-next", new JsonObject()),
        Map.entry("jam.playback-update", new JsonObject().put("isPlaying", true)),
        Map.entry("jam.vote-skip", new JsonObject().put("value", true)),
        Map.entry("jam.update-settings", new JsonObject().put("autoPlay", true)),
        Map.entry("jam.kick", new JsonObject().put("participantId", ben.id())),
        Map.entry("jam.transfer-host", new JsonObject().put("participantId", ben.id())),
        Map.entry("jam.end-session", new JsonObject()),
        Map.entry("jam.get-recommendations", new JsonObject()),
        Map.entry("jam.react", new JsonObject().put("emoji", "🔥")),
        Map.entry("jam.queue-playlist", new JsonObject().put("playlistId", "pl")));
    for (Map.Entry<String, JsonObject> act : acts.entrySet()) {
      refused(tv.request(act.getKey(), act.getValue()), "NOT_JOINED");
    }
    JsonObject again = ok(tv.request("jam.snapshot", null));
    assertThat(again.containsKey("you")).isFalse();
    assertThat(queueSongIds(again)).containsExactly(songs.get(40).id());
    assertThat(again.getJsonArray("participants")).hasSize(2);
    assertThat(ok(tv.request("jam.time", null)).getLong("serverTime")).isPositive();
    tv.register(Addresses.events("ABC123")); // another jam's events: refused
    tv.await(f -> "err".equals(f.getString("type")));

    // It stops with the jam.
    ok(ana.send("jam.end-session", null));
    for (BridgeClient screen : List.of(tv, secondTv)) {
      assertThat(event(screen, code, "session-ended", 0).getJsonObject("data").getString("reason"))
          .isEqualTo("host-ended");
      refused(screen.request("jam.snapshot", null), "NOT_JOINED");
    }
  }

  @Test
  void aJamWithOnlyScreensLeftEndsEmpty() throws Exception {
    Member ana = hostOf(new JsonObject());
    String code = code(ana);
    BridgeClient tv = screenOf(code);
    ok(ana.send("jam.leave-session", null));
    JsonObject summary = new JsonObject(server.get("/api/jam/session/" + code).body()).getJsonObject("data");
    assertThat(summary.getInteger("participantCount")).isZero();
    // What cleanup-service asks once the jam has been empty for the grace period (1 s here).
    long deadline = System.currentTimeMillis() + 15_000;
    boolean ended = false;
    while (!ended && System.currentTimeMillis() < deadline) {
      ended = server.gatewayNode.vertx().eventBus().<JsonObject>request(Addresses.SESSION_EXPIRE,
              new JsonObject().put("code", code).put("idleBefore", 0)).await(10, TimeUnit.SECONDS)
          .body().getJsonObject("data").getBoolean("ended");
      if (!ended) {
        server.clients.timer(100).await(5, TimeUnit.SECONDS); // the grace is time itself: nothing to await
      }
    }
    assertThat(ended).isTrue();
    assertThat(event(tv, code, "session-ended", 0).getJsonObject("data").getString("reason")).isEqualTo("empty");
  }

  @Test
  void watchingLeavesTheJamJoiningLeavesTheWatchAndLeavingEndsIt() throws Exception {
    Member ana = hostOf(new JsonObject());
    Member bo = hostOf(new JsonObject());
    String a = code(ana);
    String b = code(bo);
    Member ben = server.join(a, "Ben", null);
    BridgeClient conn = ben.client();

    // A participant who watches leaves the jam (the same one here) and becomes a screen of it.
    JsonObject screen = ok(conn.request("jam.watch", new JsonObject().put("code", a)));
    assertThat(screen.containsKey("you")).isFalse();
    assertThat(leftEvent(ana, ben.id()).getString("reason")).isEqualTo("left");
    assertThat(ok(conn.request("jam.snapshot", null)).getJsonArray("participants")).hasSize(1);

    // A screen that joins becomes a participant: a new one, in the list.
    Member benAgain = server.join(conn, a, "Ben", null);
    assertThat(benAgain.id()).isNotEqualTo(ben.id());
    assertThat(ok(conn.request("jam.snapshot", null)).getJsonObject("you").getString("participantId"))
        .isEqualTo(benAgain.id());

    // Watching another jam leaves the first: its events stop, the other's come.
    ok(conn.request("jam.watch", new JsonObject().put("code", b)));
    assertThat(leftEvent(ana, benAgain.id()).getJsonArray("participants")).hasSize(1);
    conn.register(Addresses.events(b));
    event(conn, b, "subscribed", 0);
    long inA = ok(add(ana, songs.get(50))).getLong("rev");
    eventAtLeast(ana, "queue-updated", inA);
    long inB = ok(add(bo, songs.get(51))).getLong("rev");
    event(conn, b, "queue-updated", inB);
    assertThat(sawEventOf(conn, a, inA)).as("an event of the jam it left").isFalse();

    // Leaving ends the watch: {} and no more events.
    assertThat(ok(conn.request("jam.leave-session", null))).isEmpty();
    refused(conn.request("jam.snapshot", null), "NOT_JOINED");
    long later = ok(add(bo, songs.get(52))).getLong("rev");
    eventAtLeast(bo, "queue-updated", later);
    ok(conn.request("jam.time", null));
    assertThat(sawEventOf(conn, b, later)).as("an event after its watch ended").isFalse();
  }
}
