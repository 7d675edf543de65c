package dev.jamsession.benchmarks;

import dev.jamsession.catalog.demo.DemoLibrary;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.domain.Command;
import dev.jamsession.core.domain.Jam;
import dev.jamsession.core.domain.Participant;
import dev.jamsession.core.domain.QueueItem;
import dev.jamsession.core.domain.Settings;
import dev.jamsession.runtime.jam.CommandResult;
import dev.jamsession.runtime.jam.JamProcessor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one command costs where it runs: the jam's entry processor applied as a Hazelcast partition
 * thread applies it (the engine, the new state, the events and reply encoded), without Hazelcast
 * or sockets around it. A jam of {@code members} with {@code songs} queued takes tracked votes
 * from each member in turn, the load benchmark's workload; CPU time per vote after a warm-up.
 */
final class EngineBenchmark {

  private EngineBenchmark() {}

  static void run(int members, int songs, int votes) {
    Settings settings = Settings.defaults(200)
        .apply(Map.of("autoPlay", false, "autofill", false, "maxParticipants", members));
    Map.Entry<String, Jam> entry = new AbstractMap.SimpleEntry<>("BENCH1",
        Jam.create("BENCH1", "Host", "token", settings, System.currentTimeMillis()));
    for (int m = 0; m < members; m++) {
      String connection = "conn-" + m;
      apply(entry, connection, new Command.Join(m == 0 ? "Host" : "Member " + m, m == 0 ? "token" : null, null,
          connection), null);
    }
    List<Participant> people = entry.getValue().participants();
    List<Song> catalog = DemoLibrary.songs();
    for (int s = 0; s < songs; s++) {
      Song song = catalog.get(s);
      apply(entry, people.get(0).id(), new Command.AddToQueue(people.get(0).id(), song.id(), song), "conn-0");
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    vote(entry, people, votes); // JIT warm-up
    Percentiles cpu = new Percentiles();
    long total = 0;
    for (int round = 0; round < 10; round++) {
      long t0 = threads.getCurrentThreadCpuTime();
      vote(entry, people, votes / 10);
      long spent = threads.getCurrentThreadCpuTime() - t0;
      cpu.add(spent / (votes / 10));
      total += spent;
    }
    System.out.printf("Engine: a jam of %d members with %d songs queued, %d tracked votes; CPU per vote"
        + " (10 batches): %s; mean %.1f us; %d requests remembered%n", members, songs, votes, cpu.summary(),
        total / 1000.0 / votes, entry.getValue().applied().all().size());
  }

  /** Each member in turn votes on an item, alternating up and down so every vote changes the jam. */
  private static void vote(Map.Entry<String, Jam> entry, List<Participant> people, int votes) {
    for (int k = 0; k < votes; k++) {
      Participant p = people.get(k % people.size());
      List<QueueItem> queue = entry.getValue().queue();
      QueueItem item = queue.get(k % queue.size());
      Integer mine = item.votes().get(p.id());
      apply(entry, p.id(), new Command.Vote(p.id(), item.id(), mine != null && mine > 0 ? -1 : 1), p.connectionId());
    }
  }

  /** Runs {@code command} as session-service wraps it: tracked by its owner, via a connection. */
  private static void apply(Map.Entry<String, Jam> entry, String owner, Command command, String via) {
    Command tracked = new Command.Tracked(owner, "cmd " + UUID.randomUUID(), command);
    CommandResult result = JamProcessor.of(via == null ? tracked : new Command.Via(via, tracked),
        System.currentTimeMillis()).process(entry);
    if (result.isRefused()) {
      throw new IllegalStateException(command + " refused", result.refusalException());
    }
  }
}
