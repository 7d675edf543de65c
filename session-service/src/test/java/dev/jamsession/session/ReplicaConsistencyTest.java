package dev.jamsession.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.domain.Command;
import dev.jamsession.core.domain.Jam;
import dev.jamsession.core.domain.Settings;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.testkit.TestCluster;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The processor is stateless and its backup runs the same command: after the ticker's sweeps
 * ran over many jams on many partitions of both members at once, killing one member (its
 * backups take over) shows every jam exactly as its owner had it.
 */
class ReplicaConsistencyTest {
  private static final int JAMS = 64;
  private static final long GRACE_MS = 1_000;

  static Song song(int n) {
    return new Song("s" + n, "Song " + n, "Artist", "Album", "rock", 2000, 1_000, "/a/" + n, null, 0.5);
  }

  @Test
  void everyJamReadAfterItsOwnerDiesIsWhatTheOwnerHad() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      JamNode a = cluster.start(JamNode.Role.DATA);
      JamNode b = cluster.start(JamNode.Role.DATA);
      JamStore onA = new JamStore(a.vertx(), a.jams(), a.reactionWindows());
      JamStore onB = new JamStore(b.vertx(), b.jams(), b.reactionWindows());
      long start = System.currentTimeMillis();
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < JAMS; i++) {
        codes.add(fill(onA, i, start));
      }
      Set<String> ownedByB = new HashSet<>(b.jams().localKeySet());
      assertThat(ownedByB).hasSizeBetween(JAMS / 8, JAMS - JAMS / 8); // both members own many

      // Sweeps like the ticker's: each member over its own jams, both members at once.
      for (int round = 1; round <= 5; round++) {
        long now = start + round * 2_000L;
        Command tick = new Command.Tick(GRACE_MS);
        Future.all(onA.executeAll(a.jams().localKeySet(), tick, now), onB.executeAll(ownedByB, tick, now))
            .await(30, TimeUnit.SECONDS);
      }
      Map<String, Jam> owners = a.jams().getAll(Set.copyOf(codes));
      assertThat(owners.values()).hasSize(JAMS).allSatisfy(jam -> {
        assertThat(jam.history()).hasSize(4); // every song played through by the sweeps
        assertThat(jam.participants()).hasSize(1); // the disconnected guest timed out
      });

      cluster.kill(b);
      Map<String, Jam> afterwards = a.jams().getAll(Set.copyOf(codes));
      assertThat(afterwards).containsOnlyKeys(codes);
      for (String code : codes) {
        assertThat(afterwards.get(code)).as("jam %s (owned by the killed member: %s)", code, ownedByB.contains(code))
            .isEqualTo(owners.get(code));
      }
    }
  }

  /** A jam with a host, a guest who dropped and four one-second songs; returns its code. */
  private static String fill(JamStore store, int n, long now) throws Exception {
    Jam jam = store.create("Host " + n, Settings.defaults(50)).await(30, TimeUnit.SECONDS);
    String code = jam.code();
    run(store, code, new Command.Join("Host", jam.hostToken(), null, "gw/host-" + n), now);
    run(store, code, new Command.Join("Guest", null, null, "gw/guest-" + n), now);
    run(store, code, new Command.Disconnect("gw/guest-" + n), now);
    String host = store.get(code).await(30, TimeUnit.SECONDS).participants().get(0).id();
    for (int s = 1; s <= 4; s++) {
      run(store, code, new Command.AddToQueue(host, "s" + s, song(s)), now);
    }
    return code;
  }

  private static void run(JamStore store, String code, Command command, long now) throws Exception {
    store.execute(code, command, now).await(30, TimeUnit.SECONDS);
  }
}
