package dev.jamsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 11's fault test for gateways: kill -9 of a gateway while its sockets are mid-join and
 * mid-command. Afterwards nobody is connected without a socket: what the dead gateway's joins
 * made are disconnected once the cluster sees it gone, keep their place through the grace
 * period and then leave; the clients with tokens resume on the other gateway. The commands it
 * had in flight, sent again there with the same request id (as a browser does with a request
 * whose reply it lost), are applied once: the host's play-next advances one song, the song is
 * added once, the vote counts once.
 */
class GatewayKillMidFlightTest {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayKillMidFlightTest.class);
  static final long GRACE_MS = 6_000;
  static final int JOINS_IN_FLIGHT = 4;

  @RegisterExtension
  static final ClusterFixture fixture = new ClusterFixture(() -> new LocalCluster("gateway-kill-mid-flight", 2, 2, 0,
      false, Map.of("DISCONNECT_GRACE", Long.toString(GRACE_MS))));

  /** A command sent on the doomed gateway, to be sent again after the resume. */
  private record InFlight(Player player, String address, JsonObject body) {
    static InFlight of(Player player, String address, JsonObject body) {
      return new InFlight(player, address, body.put("requestId", UUID.randomUUID().toString()));
    }

    CompletableFuture<JsonObject> send() {
      return player.bus().requestAsync(address, body.copy(), Player.REQUEST_TIMEOUT).toCompletionStage().toCompletableFuture();
    }
  }

  @Test
  void joinsInFlightLeaveNoGhostAndCommandsInFlightApplyOnce() throws Exception {
    Vertx vertx = fixture.vertx();
    ServiceProcess doomed = fixture.cluster().get("gateway-1");
    ServiceProcess survivor = fixture.cluster().get("gateway-2");
    List<String> songs = Rest.songIds(survivor.httpPort, 10);
    JsonObject created = Rest.createJam(survivor.httpPort, "host", new JsonObject().put("autoPlay", false));
    String code = created.getString("sessionCode");
    Ledger ledger = new Ledger();
    Player host = Player.join(vertx, ledger, doomed.httpPort, code, "host", created.getString("hostToken"));
    Player voter = Player.join(vertx, ledger, doomed.httpPort, code, "voter", null);
    Player adder = Player.join(vertx, ledger, doomed.httpPort, code, "adder", null);
    Player observer = Player.join(vertx, ledger, survivor.httpPort, code, "observer", null);
    List<Player> players = List.of(host, voter, adder, observer);
    List<BridgeClient> joiners = new ArrayList<>();
    try {
      for (int k = 0; k < 3; k++) {
        assertThat(host.add(songs.get(k)).outcome()).isEqualTo(Ledger.Outcome.ACK);
      }
      JsonObject started = host.bus().request("jam.play-next", new JsonObject(), Player.REQUEST_TIMEOUT);
      assertThat(started.getBoolean("success")).as(started.encode()).isTrue(); // songs[0] plays, two wait
      // A down vote on the last song: whatever order the three land in, play-next takes songs[1].
      String target = observer.snapshot().getJsonArray("queue").getJsonObject(1).getString("id"); // songs[2]

      List<InFlight> commands = List.of(
          InFlight.of(host, "jam.play-next", new JsonObject()),
          InFlight.of(voter, "jam.vote", new JsonObject().put("itemId", target).put("value", -1)),
          InFlight.of(adder, "jam.add-to-queue", new JsonObject().put("songId", songs.get(3))));
      for (int i = 0; i < JOINS_IN_FLIGHT; i++) {
        joiners.add(BridgeClient.connect(vertx, doomed.httpPort));
      }
      int mark = observer.bus().frames().size();
      Future<BridgeClient.Frame> firstJoin = observer.bus().whenFrame(mark,
          f -> f.isEvent("participant-joined"));
      List<CompletableFuture<JsonObject>> firstReplies = new ArrayList<>();
      for (int i = 0; i < JOINS_IN_FLIGHT; i++) {
        firstReplies.add(joiners.get(i).requestAsync("jam.join-session",
            new JsonObject().put("code", code).put("userName", "joiner" + i), Player.REQUEST_TIMEOUT)
            .toCompletionStage().toCompletableFuture());
      }
      commands.forEach(c -> firstReplies.add(c.send()));
      // Killed once the first of those joins reached the jam: the others are on their way or just done.
      firstJoin.await(Await.DEADLINE.toSeconds(), TimeUnit.SECONDS);
      doomed.kill();
      LOG.info("replies that reached the clients before the kill: {} of {}",
          firstReplies.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count(), firstReplies.size());

      // As a browser does: a closed socket resumes on the other gateway and sends its command again.
      Map<String, JsonObject> retried = new LinkedHashMap<>();
      for (InFlight c : commands) {
        c.player().bus().closed().await(Await.DEADLINE.toSeconds(), TimeUnit.SECONDS);
        c.player().resume(survivor.httpPort);
        JsonObject reply = c.player().bus().request(c.address(), c.body().copy(), Player.REQUEST_TIMEOUT);
        assertThat(reply.getBoolean("success")).as(c.address() + " sent again: " + reply.encode()).isTrue();
        retried.put(c.address(), reply.getJsonObject("data"));
      }

      JsonObject after = observer.snapshot();
      assertThat(after.getJsonArray("history")).as("one song played through, so one play-next applied").hasSize(1);
      assertThat(after.getJsonArray("history").getJsonObject(0).getJsonObject("song").getString("id"))
          .isEqualTo(songs.get(0));
      assertThat(after.getJsonObject("current").getJsonObject("song").getString("id")).isEqualTo(songs.get(1));
      JsonArray queue = after.getJsonArray("queue");
      assertThat(queue.stream().map(i -> ((JsonObject) i).getJsonObject("song").getString("id")).toList())
          .as("the added song once, above the voted-down one").containsExactly(songs.get(3), songs.get(2));
      assertThat(queue.getJsonObject(0).getString("id")).as("the item the retried add answered")
          .isEqualTo(retried.get("jam.add-to-queue").getJsonObject("item").getString("id"));
      assertThat(queue.getJsonObject(1).getInteger("score")).isEqualTo(-1);
      assertThat(Ledger.votesOf(voter.snapshot())).isEqualTo(Map.of(target, -1));
      // A vote applied again with the same value would change nothing and carry no rev (PROTOCOL §9).
      assertThat(retried.get("jam.vote").getLong("rev")).as("the vote's reply is its first run's").isNotNull();

      Set<String> withSockets = new TreeSet<>();
      players.forEach(p -> withSockets.add(p.participantId()));
      awaitParticipants(observer, true, withSockets, Await.DEADLINE, "connected: a ghost");
      awaitParticipants(observer, false, withSockets, Duration.ofMillis(GRACE_MS).plus(Await.DEADLINE),
          "in the jam: a join in flight did not leave after its grace");

      List<String> joined = new ArrayList<>();
      List<String> timedOut = new ArrayList<>();
      for (BridgeClient.Frame f : observer.bus().received().subList(mark, observer.bus().received().size())) {
        if (f.isEvent("participant-joined")) {
          joined.add(f.body().getJsonObject("data").getJsonObject("participant").getString("id"));
        } else if (f.isEvent("participant-left")) {
          JsonObject data = f.body().getJsonObject("data");
          assertThat(data.getString("reason")).as(data.encode()).isEqualTo("timeout");
          timedOut.add(data.getJsonObject("participant").getString("id"));
        }
      }
      LOG.info("{} of {} joins in flight made a participant; all left after their grace", joined.size(),
          JOINS_IN_FLIGHT);
      assertThat(joined).isNotEmpty().doesNotContainAnyElementsOf(withSockets);
      assertThat(timedOut).as("each participant of a join in flight timed out, once").containsExactlyInAnyOrderElementsOf(joined);
    } finally {
      players.forEach(Player::close);
      joiners.forEach(BridgeClient::close);
    }
  }

  /** Polls the jam until exactly {@code expected} are its (connected) participants. */
  private static void awaitParticipants(Player observer, boolean connectedOnly, Set<String> expected, Duration deadline,
                                        String otherwise) throws Exception {
    JsonObject[] last = new JsonObject[1];
    if (!Await.within(deadline, Duration.ofMillis(250),
        () -> Jams.participantIds(last[0] = observer.snapshot(), connectedOnly).equals(expected))) {
      throw new AssertionError("Still not only " + expected + " " + otherwise + " after " + deadline.toSeconds()
          + " s: " + last[0].getJsonArray("participants").encode());
    }
  }
}
