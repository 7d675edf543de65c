package dev.jamsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIGTERM on a session-service member of a two-member cluster: it leaves gracefully (its
 * partitions migrate first), exits within 10 s, and no jam or queued song is lost.
 */
class SessionSigtermTest {
  @RegisterExtension
  static final ClusterFixture fixture =
      new ClusterFixture(() -> new LocalCluster("session-sigterm", 2, 1, 0, false, Map.of()));

  @Test
  void aTerminatedSessionMemberExitsInTimeAndLosesNothing() throws Exception {
    Ledger ledger = new Ledger();
    List<Player> players = new ArrayList<>(fixture.populate(ledger, 6, 2, Jams.settings(50)));
    try {
      List<String> songs = fixture.songIds(40);
      for (int i = 0; i < players.size(); i++) {
        for (int k = 0; k < 3; k++) {
          Ledger.Attempt added = players.get(i).add(songs.get((i * 3 + k) % songs.size()));
          assertThat(added.outcome()).as(added.detail()).isEqualTo(Ledger.Outcome.ACK);
        }
      }
      long acked = ledger.count(Ledger.Kind.ADD, Ledger.Outcome.ACK);
      assertThat(acked).isEqualTo(players.size() * 3L);

      long start = System.nanoTime();
      int exit = fixture.cluster().get("session-1").stop(Duration.ofSeconds(10));
      long stoppedMs = (System.nanoTime() - start) / 1_000_000;
      System.out.println("session-1 exited " + stoppedMs + " ms after SIGTERM (exit code " + exit + ")");
      assertThat(exit).as("exit code; -1 means it was still running 10 s after SIGTERM").isNotEqualTo(-1);

      var finals = Jams.finalStates(players);
      assertThat(finals).as("every jam still answers").hasSize(6);
      assertThat(ledger.violations(finals)).as("acknowledged songs missing after the graceful leave").isEmpty();
    } finally {
      players.forEach(Player::close);
    }
  }
}
