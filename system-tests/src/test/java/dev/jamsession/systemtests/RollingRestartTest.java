package dev.jamsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rolling restart of every service, one at a time (SIGTERM, exit, start, /ready), while jams
 * are in use: no jam, queued song or vote is lost, and every client keeps its participant.
 */
class RollingRestartTest {
  private static final Logger LOG = LoggerFactory.getLogger(RollingRestartTest.class);
  /** Load before the first restart, and after the last. */
  static final Load.Targets TARGETS = new Load.Targets(60, 40, 2);
  /** After each restart, every client has this many commands sent after it acknowledged. */
  static final int ACKS_PER_PLAYER_BETWEEN = 1;

  @RegisterExtension
  static final ClusterFixture fixture =
      new ClusterFixture(() -> new LocalCluster("rolling-restart", 2, 2, 2, true, Map.of()));

  /** Set before the test closes its clients, so their closing is not taken for a dropped gateway. */
  private static volatile boolean closing;

  @Test
  void restartingEveryServiceOneAtATimeLosesNothing() throws Exception {
    LocalCluster cluster = fixture.cluster();
    List<ServiceProcess> gateways = cluster.gateways();
    Ledger ledger = new Ledger();
    List<Player> players = fixture.populate(ledger, 4, 3, Jams.settings(200));
    Map<Player, String> identity = new ConcurrentHashMap<>();
    players.forEach(p -> identity.put(p, p.participantId() + (p.isHost() ? " host" : "")));
    List<String> songs = fixture.songIds(250);
    List<String> resumeProblems = new CopyOnWriteArrayList<>();
    List<Long> resumeGaps = new CopyOnWriteArrayList<>();
    players.forEach(p -> reconnectOnClose(p, gateways, resumeProblems, resumeGaps));

    // Restart order: edges and helpers first, the data members one at a time, then the gateways.
    List<String> order = new ArrayList<>();
    for (ServiceProcess p : cluster.all()) {
      if (!p.name.startsWith("session") && !p.isGateway()) {
        order.add(p.name);
      }
    }
    order.addAll(List.of("session-1", "session-2", "gateway-1", "gateway-2"));

    Load load = new Load(players, songs, 0.35, 0.5, Duration.ofMillis(500));
    List<String> forcedStops = new ArrayList<>();
    try (load) {
      load.startSteady(ledger, TARGETS, "before the first restart");
      for (String name : order) {
        ServiceProcess p = cluster.get(name);
        LOG.info("rolling restart: {}", name);
        int exit = cluster.restart(p);
        if (exit == -1) {
          forcedStops.add(name);
        }
        long restarted = System.nanoTime();
        Await.All served = Await.all("for every client to be served after restarting " + name);
        for (Player pl : players) {
          served.on(pl + " with a command sent after the restart acknowledged",
              ledger.whenAtLeast(ACKS_PER_PLAYER_BETWEEN, Ledger.acknowledgedSince(pl, restarted)));
        }
        LOG.info("every client served {} ms after {} was ready again", served.within(Await.DEADLINE), name);
      }
      long lastRestarted = System.nanoTime();
      load.awaitFlowing(ledger, "after the last restart", lastRestarted, lastRestarted, TARGETS);
      load.stop();
    }
    try {
      LOG.info("rolling restart of {}: {}", order, ledger.summary());
      LOG.info(Stats.summary("time from a gateway's connection drop to resumed on the other", resumeGaps));
      assertThat(resumeProblems).as("clients that could not resume").isEmpty();
      assertThat(forcedStops).as("services that did not stop within 15 s of SIGTERM").isEmpty();
      for (Player p : players) {
        assertThat(p.participantId() + (p.isHost() ? " host" : "")).as(p + " keeps participant and role")
            .isEqualTo(identity.get(p));
      }
      Map<String, Ledger.FinalState> finals = Jams.finalStates(players);
      assertThat(finals).as("every jam survives").hasSize(4);
      assertThat(ledger.violations(finals)).as("acknowledged commands missing after the rolling restart").isEmpty();
      assertThat(ledger.count(Ledger.Kind.ADD, Ledger.Outcome.ACK)).as("acknowledged adds").isGreaterThan(30);
      for (Ledger.FinalState fin : finals.values()) {
        for (Object o : fin.snapshot().getJsonArray("participants")) {
          assertThat(((JsonObject) o).getBoolean("connected")).as("participant " + o + " connected").isTrue();
        }
      }
    } finally {
      closing = true;
      players.forEach(Player::close);
    }
  }

  /** As a browser would: when the connection drops, resume on a gateway that is ready. */
  private static void reconnectOnClose(Player p, List<ServiceProcess> gateways, List<String> problems, List<Long> gaps) {
    BridgeClient bus = p.bus();
    bus.closed().toCompletionStage().thenAcceptAsync(closedAt -> {
      if (closing) {
        return;
      }
      Exception[] last = new Exception[1];
      boolean resumed;
      try {
        // Polls: nothing announces a gateway's readiness but its /ready.
        resumed = Await.within(Duration.ofSeconds(30), Duration.ofMillis(200), () -> {
          for (ServiceProcess g : gateways) {
            if (g.httpPort == bus.port || g.readyStatus() != 200) {
              continue;
            }
            try {
              JsonObject snap = p.resume(g.httpPort);
              gaps.add((System.nanoTime() - closedAt) / 1_000_000);
              if (!snap.getJsonObject("you").getString("participantId").equals(p.participantId())) {
                problems.add(p + " resumed as another participant: " + snap.getJsonObject("you"));
              }
              reconnectOnClose(p, gateways, problems, gaps);
              return true;
            } catch (Exception e) {
              last[0] = e;
            }
          }
          return false;
        });
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        resumed = false;
        last[0] = e;
      }
      if (!resumed) {
        problems.add(p + " could not resume within 30 s: " + last[0]);
      }
    }, runnable -> new Thread(runnable, "reconnect-" + p.name).start());
  }
}
