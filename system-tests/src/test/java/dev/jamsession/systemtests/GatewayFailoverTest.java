package dev.jamsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of one gateway (of two): its clients notice the dropped connection, reconnect to the
 * other gateway and resume with their tokens, keeping participant and host role, in sync again
 * within 5 s; a client that never comes back is treated like any dropped connection.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayFailoverTest {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayFailoverTest.class);
  static final long MAX_GAP_MS = 5_000;
  static final long GRACE_MS = 8_000;
  /** Load before the kill (about 5 s of it), and after every client resumed. */
  static final Load.Targets TARGETS = new Load.Targets(100, 60, 3);

  @RegisterExtension
  static final ClusterFixture fixture = new ClusterFixture(() -> new LocalCluster("gateway-failover", 2, 2, 0, false,
      Map.of("DISCONNECT_GRACE", Long.toString(GRACE_MS))));

  private static final List<Player> players = new ArrayList<>();
  private static Player ghost; // a client of the killed gateway that never reconnects
  private static long killedAt;

  /** Runs before the fixture closes the Vert.x and the cluster. */
  @AfterAll
  static void closeClients() {
    players.forEach(Player::close);
    if (ghost != null) {
      ghost.close();
    }
  }

  @Test
  @Order(1)
  void clientsOfAKilledGatewayResumeOnTheOtherOne() throws Exception {
    ServiceProcess g1 = fixture.cluster().get("gateway-1");
    ServiceProcess g2 = fixture.cluster().get("gateway-2");
    Ledger ledger = new Ledger();
    players.addAll(fixture.populate(ledger, 3, 4, Jams.settings(200)));
    String ghostJam = players.get(0).code;
    ghost = Player.join(fixture.vertx(), new Ledger(), g1.httpPort, ghostJam, "ghost", null);
    List<String> songs = fixture.songIds(250);

    List<Player> moving = players.stream().filter(p -> p.bus().port == g1.httpPort).toList();
    Map<Player, JsonObject> before = new ConcurrentHashMap<>();
    for (Player p : moving) {
      before.put(p, new JsonObject().put("participantId", p.participantId()).put("isHost", p.isHost()));
    }
    assertThat(moving).as("clients on gateway-1").hasSize(6).anyMatch(Player::isHost);

    Load load = new Load(players, songs, 0.35, 0.5, Duration.ofMillis(400));
    Map<Player, Long> detected = new ConcurrentHashMap<>();
    Map<Player, Long> resynced = new ConcurrentHashMap<>();
    Map<Player, JsonObject> resumedSnapshots = new ConcurrentHashMap<>();
    ExecutorService reconnects = Executors.newFixedThreadPool(moving.size());
    try (load) {
      long steadyMs = load.startSteady(ledger, TARGETS, "before the kill");
      killedAt = System.nanoTime();
      g1.kill();
      // As a browser would: on close, reconnect to the other gateway and resume with the token.
      List<CompletableFuture<Void>> resuming = new ArrayList<>();
      for (Player p : moving) {
        resuming.add(p.bus().closed().toCompletionStage().thenAcceptAsync(closedAt -> {
          detected.put(p, closedAt);
          try {
            JsonObject snap = p.resume(g2.httpPort);
            resynced.put(p, System.nanoTime());
            resumedSnapshots.put(p, snap);
          } catch (Exception e) {
            throw new IllegalStateException(p + " could not resume on gateway-2", e);
          }
        }, reconnects).toCompletableFuture());
      }
      CompletableFuture.allOf(resuming.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      long allResumed = System.nanoTime();
      // Events after the kill: for the resumed ones, on the new connection (asserted below).
      long flowingMs = load.awaitFlowing(ledger, "after every client resumed", killedAt, allResumed, TARGETS);
      load.stop();
      LOG.info("load ran {} ms before the kill, {} ms from the kill to every client resumed, {} ms after that",
          steadyMs, (allResumed - killedAt) / 1_000_000, flowingMs);
    } finally {
      reconnects.shutdownNow();
    }

    List<Long> detect = new ArrayList<>();
    List<Long> gaps = new ArrayList<>();
    for (Player p : moving) {
      detect.add((detected.get(p) - killedAt) / 1_000_000);
      gaps.add((resynced.get(p) - killedAt) / 1_000_000);
    }
    LOG.info("gateway kill -9: {}", ledger.summary());
    LOG.info(Stats.summary("time from kill to the client seeing its connection closed", detect));
    LOG.info(Stats.summary("time from kill to resumed and in sync (snapshot) on gateway-2 (the gap)", gaps));

    for (Player p : moving) {
      JsonObject snap = resumedSnapshots.get(p);
      JsonObject you = snap.getJsonObject("you");
      assertThat(you.getString("participantId")).as(p + " keeps its participant id")
          .isEqualTo(before.get(p).getString("participantId"));
      assertThat(you.getBoolean("isHost")).as(p + " keeps its host role").isEqualTo(before.get(p).getBoolean("isHost"));
      if (p.isHost()) {
        assertThat(snap.getString("hostId")).as(p + " is still the jam's host").isEqualTo(p.participantId());
      }
    }
    assertThat(Stats.max(gaps)).as("longest time from the kill to a resumed, synced client (ms)")
        .isLessThanOrEqualTo(MAX_GAP_MS);

    Map<String, Ledger.FinalState> finals = Jams.finalStates(players);
    assertThat(finals).hasSize(3);
    assertThat(ledger.violations(finals)).as("acknowledged commands missing from the final state").isEmpty();
    for (Player p : moving) {
      JsonObject me = Jams.participant(finals.get(p.code).snapshot(), p.participantId());
      assertThat(me).as(p + " is a participant after the failover").isNotNull();
      assertThat(me.getBoolean("connected")).as(p + " is connected after resuming").isTrue();
    }
    // Resumed clients keep receiving the jam's events on their new connection.
    for (Player p : moving) {
      assertThat(p.bus().eventFrames().stream().filter(f -> !f.isEvent("subscribed")))
          .as(p + " receives events on gateway-2").isNotEmpty();
    }
  }

  @Test
  @Order(2)
  void aClientOfTheDeadGatewayThatNeverReturnsIsDisconnectedThenRemovedAfterTheGrace() throws Exception {
    Player observer = players.stream().filter(p -> p.code.equals(ghost.code) && p.bus().isOpen()).findFirst().orElseThrow();
    long deadline = killedAt + TimeUnit.MILLISECONDS.toNanos(GRACE_MS + 10_000);
    JsonObject[] last = new JsonObject[1];
    boolean removed = Await.within(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), Duration.ofMillis(500),
        () -> (last[0] = Jams.participant(observer.snapshot(), ghost.participantId())) == null);
    if (removed) {
      LOG.info("ghost removed {} ms after its gateway was killed", (System.nanoTime() - killedAt) / 1_000_000);
      return;
    }
    throw new AssertionError("A participant whose gateway was killed and who never resumed is still in the jam "
        + (GRACE_MS + 10_000) + " ms later (DISCONNECT_GRACE=" + GRACE_MS + "): " + last[0]
        + ". Nobody tells session-service about connections of a dead gateway, so they never start their grace period.");
  }
}
