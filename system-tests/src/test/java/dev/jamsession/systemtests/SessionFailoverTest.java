package dev.jamsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.testkit.BridgeClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of one session-service member (of two) under steady load from 20 clients in 5 jams,
 * through two gateways: every acknowledged command survives, and events flow again quickly.
 */
class SessionFailoverTest {
  private static final Logger LOG = LoggerFactory.getLogger(SessionFailoverTest.class);
  static final int JAMS = 5;
  static final int PLAYERS_PER_JAM = 4;
  static final long MAX_GAP_MS = 5_000;
  /** Load before the kill (about 6 s of it), and after it. */
  static final Load.Targets TARGETS = new Load.Targets(300, 300, 10);

  @RegisterExtension
  static final ClusterFixture fixture =
      new ClusterFixture(() -> new LocalCluster("session-failover", 2, 2, 0, false, Map.of()));

  private final List<Player> players = new ArrayList<>();

  @Test
  void killingOneSessionMemberLosesNoAcknowledgedCommand() throws Exception {
    LocalCluster cluster = fixture.cluster();
    Ledger ledger = new Ledger();
    players.addAll(fixture.populate(ledger, JAMS, PLAYERS_PER_JAM, Jams.settings(200)));
    List<String> songs = fixture.songIds(250);

    Load load = new Load(players, songs, 0.35, 0.5, Duration.ofMillis(300));
    try (load) {
      long loadStart = System.nanoTime();
      long steadyMs = load.startSteady(ledger, TARGETS, "before the kill");
      ServiceProcess victim = cluster.get("session-1"); // the oldest member: Hazelcast's master too
      long killedAt = System.nanoTime();
      victim.kill();
      long recoveredMs = load.awaitFlowing(ledger, "after the kill", killedAt, killedAt, TARGETS);
      load.stop();
      LOG.info("load ran {} ms before the kill and {} ms after it", steadyMs, recoveredMs);
      long loadEnd = System.nanoTime();

      report(ledger, loadStart, killedAt, loadEnd);
      Map<String, Ledger.FinalState> finals = Jams.finalStates(players);
      assertThat(finals).as("every jam still answers").hasSize(JAMS);
      List<String> problems = ledger.violations(finals);
      assertThat(problems).as("acknowledged commands missing from the final state").isEmpty();
      assertThat(ledger.count(Ledger.Kind.ADD, Ledger.Outcome.ACK)).as("acknowledged adds").isGreaterThan(50);
      assertThat(ledger.count(Ledger.Kind.VOTE, Ledger.Outcome.ACK)).as("acknowledged votes").isGreaterThan(50);

      List<Long> silences = new ArrayList<>();
      for (Player p : players) {
        silences.add(Stats.longestSilenceMillis(arrivals(p), killedAt, loadEnd));
      }
      assertThat(Stats.max(silences)).as("longest time any client went without events after the kill (ms)")
          .isLessThanOrEqualTo(MAX_GAP_MS);
    } finally {
      players.forEach(Player::close);
    }
  }

  private void report(Ledger ledger, long loadStart, long killedAt, long loadEnd) {
    List<Long> firstEvent = new ArrayList<>();
    List<Long> silenceAfter = new ArrayList<>();
    List<Long> silenceBefore = new ArrayList<>();
    List<Long> firstAck = new ArrayList<>();
    for (Player p : players) {
      List<Long> arrivals = arrivals(p);
      arrivals.stream().filter(t -> t > killedAt).findFirst()
          .ifPresent(t -> firstEvent.add((t - killedAt) / 1_000_000));
      silenceAfter.add(Stats.longestSilenceMillis(arrivals, killedAt, loadEnd));
      silenceBefore.add(Stats.longestSilenceMillis(arrivals, loadStart + 2_000_000_000L, killedAt));
      ledger.attempts().stream()
          .filter(a -> a.player().equals(p.name) && a.sentNanos() >= killedAt && a.outcome() == Ledger.Outcome.ACK)
          .mapToLong(Ledger.Attempt::repliedNanos).min()
          .ifPresent(t -> firstAck.add((t - killedAt) / 1_000_000));
    }
    LOG.info("session-service kill -9 under load: {}", ledger.summary());
    LOG.info(Stats.summary("time from kill to first event", firstEvent));
    LOG.info(Stats.summary("longest event silence after the kill (the gap)", silenceAfter));
    LOG.info(Stats.summary("longest event silence before the kill (baseline)", silenceBefore));
    LOG.info(Stats.summary("time from kill to first success of a command sent after it", firstAck));
  }

  private static List<Long> arrivals(Player p) {
    List<Long> out = new ArrayList<>();
    for (BridgeClient.Frame f : p.bus().eventFrames()) {
      out.add(f.atNanos());
    }
    return out;
  }
}
