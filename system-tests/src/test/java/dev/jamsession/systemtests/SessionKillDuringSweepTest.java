package dev.jamsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.testkit.BridgeClient;
import dev.jamsession.testkit.RevState;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 11's fault test for session members: kill -9 of one of two members while its ticker
 * sweeps. Each member runs {@code Command.Tick} over the jams it owns every TICK_INTERVAL (20 ms
 * here, so sweeps run back to back), and around the kill every sweep has writes to make: songs
 * of a second or two ending, guests' grace periods running out one after another. No write a
 * client heard of may be missing from the survivor's backup replicas: the events each host saw
 * tell one history (no revision told twice, which is what a write lost and made again looks
 * like), and once every jam has run dry the state the survivor serves equals the state rebuilt
 * from those events, with every song played once, in order, and every guest gone once.
 */
class SessionKillDuringSweepTest {
  private static final Logger LOG = LoggerFactory.getLogger(SessionKillDuringSweepTest.class);
  static final int JAMS = 16;
  static final int SONGS = 40;
  static final long GRACE_MS = 3_000;
  /** Between two guests' drops, so their grace periods end sweep after sweep. */
  static final Duration DROP_PACE = Duration.ofMillis(40);
  static final Duration DEADLINE = Duration.ofSeconds(90);

  @RegisterExtension
  static final ClusterFixture fixture = new ClusterFixture(() -> new LocalCluster("session-kill-sweep", 2, 1, 0, false,
      Map.of("TICK_INTERVAL", "20", "DISCONNECT_GRACE", Long.toString(GRACE_MS),
          "CATALOG_FILE", shortSongs().toString(), "CREATE_RATE_LIMIT_MAX", "1000")));

  /** A catalog of songs 1.0 to 1.8 s long, so the ticker has a song to advance all the time. */
  static Path shortSongs() {
    JsonArray songs = new JsonArray();
    for (int i = 0; i < SONGS; i++) {
      songs.add(new JsonObject().put("id", "short-" + i).put("title", "Short " + i).put("artist", "Artist " + i % 5)
          .put("durationMs", 1_000 + (i * 97) % 800).put("audioUrl", "/audio/short-" + i + ".mp3"));
    }
    try {
      Path file = Files.createTempFile("short-songs", ".json");
      file.toFile().deleteOnExit();
      return Files.writeString(file, songs.encode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Jam(String code, Player host, Player guest, List<String> songs, JsonObject baseline, int mark) {}

  @Test
  void noWriteOfASweepIsLostWhenItsMemberIsKilled() throws Exception {
    ServiceProcess gateway = fixture.cluster().get("gateway-1");
    List<String> catalog = Rest.songIds(gateway.httpPort, SONGS);
    Ledger ledger = new Ledger();
    List<Jam> jams = new ArrayList<>();
    try {
      for (int j = 0; j < JAMS; j++) {
        JsonObject created = Rest.createJam(gateway.httpPort, "host" + j,
            new JsonObject().put("autoPlay", false).put("autofill", false));
        String code = created.getString("sessionCode");
        Player host = Player.join(fixture.vertx(), ledger, gateway.httpPort, code, "host" + j,
            created.getString("hostToken"));
        Player guest = Player.join(fixture.vertx(), ledger, gateway.httpPort, code, "guest" + j, null);
        List<String> songs = new ArrayList<>();
        for (int k = 0; k < 2 + j % 8; k++) { // so the jams run dry one after another, some around the kill
          songs.add(catalog.get((j * 7 + k) % SONGS));
          assertThat(host.add(songs.get(k)).outcome()).isEqualTo(Ledger.Outcome.ACK);
        }
        // The host's view from here on: this snapshot, then the events after it.
        int mark = host.bus().frames().size();
        jams.add(new Jam(code, host, guest, songs, host.snapshot(), mark));
      }
      // Go: every jam starts playing (autoPlay starts an idle jam), then the guests drop one by one.
      Await.Tally timeouts = new Await.Tally();
      Await.All quiet = Await.all("for every jam to run dry and lose its guest");
      for (Jam jam : jams) {
        quiet.on(jam.code + " ran dry", jam.host.bus().whenFrame(jam.mark, f -> f.isEvent("now-playing")
            && f.body().getJsonObject("data").getValue("current") == null));
        Future<BridgeClient.Frame> left = jam.host.bus().whenFrame(jam.mark, f -> f.isEvent("participant-left")
            && "timeout".equals(f.body().getJsonObject("data").getString("reason")));
        left.onSuccess(f -> timeouts.add());
        quiet.on(jam.code + " lost its guest", left);
        JsonObject reply = jam.host.bus().request("jam.update-settings", new JsonObject().put("autoPlay", true));
        assertThat(reply.getBoolean("success")).as(reply.encode()).isTrue();
      }
      for (Jam jam : jams) {
        jam.guest.close();
        Await.pause(DROP_PACE);
      }
      // Half the guests are gone: the others' graces end in the sweeps around the kill.
      Await.all("for half the guests to time out").on("timeouts", timeouts.reaches(JAMS / 2)).within(DEADLINE);
      ServiceProcess victim = fixture.cluster().get("session-2");
      victim.kill();
      long quietMs = quiet.within(DEADLINE);
      LOG.info("every jam ran dry {} ms after the kill ({} guests had timed out before it)", quietMs, JAMS / 2);

      List<String> problems = new ArrayList<>();
      for (Jam jam : jams) {
        List<JsonObject> events = new ArrayList<>();
        for (BridgeClient.Frame f : jam.host.bus().eventFrames()) {
          events.add(f.body());
        }
        problems.addAll(revisionsToldTwice(jam.code, events));
        JsonObject served = jam.host.snapshot();
        RevState rebuilt = RevState.rebuild(jam.baseline, events, Long.MAX_VALUE);
        if (!rebuilt.matches(served)) {
          problems.add("jam " + jam.code + ": the survivor serves another state than its events told:"
              + RevState.diff(RevState.view(served), rebuilt.view()));
        }
        List<String> played = new ArrayList<>();
        for (Object h : served.getJsonArray("history")) {
          played.add(0, ((JsonObject) h).getJsonObject("song").getString("id"));
        }
        if (!played.equals(jam.songs)) {
          problems.add("jam " + jam.code + ": played " + played + ", queued " + jam.songs);
        }
        if (!Jams.participantIds(served, false).equals(Set.of(jam.host.participantId()))) {
          problems.add("jam " + jam.code + ": participants " + served.getJsonArray("participants").encode());
        }
      }
      assertThat(problems).as("what the kill of a sweeping member lost").isEmpty();
    } finally {
      jams.forEach(jam -> {
        jam.host.close();
        jam.guest.close();
      });
    }
  }

  /**
   * Events of one command share its revision, one event per type; two different ones of the same
   * type and revision mean a write the clients heard of was lost and another made in its place.
   */
  private static List<String> revisionsToldTwice(String code, List<JsonObject> events) {
    List<String> problems = new ArrayList<>();
    Map<String, JsonObject> told = new HashMap<>();
    for (JsonObject e : events) {
      if (!(e.getValue("rev") instanceof Number rev) || "subscribed".equals(e.getString("type"))) {
        continue;
      }
      JsonObject before = told.putIfAbsent(e.getString("type") + "@" + rev, e);
      if (before != null) {
        problems.add("jam " + code + ": " + e.getString("type") + " of rev " + rev + " told twice:\n    "
            + before.encode() + "\n    " + e.encode());
      }
    }
    return problems;
  }
}
