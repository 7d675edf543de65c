package dev.jamsession.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steady load from every player, each on its own thread, one command at a time: adds, votes on
 * items the jam has, skip votes, paced by a random pause around {@code pause}. A player whose
 * connection is down waits until the test has reconnected it.
 */
final class Load implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Load.class);

  private final List<Player> players;
  private final List<String> songs;
  private final double addShare;
  private final double voteShare;
  private final Duration pause;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Thread> threads = new ArrayList<>();
  private final Map<String, List<String>> itemsByJam = new ConcurrentHashMap<>();
  private final List<Throwable> crashes = new CopyOnWriteArrayList<>();

  /** Each command is an add with {@code addShare}, a vote with {@code voteShare}, else a skip vote. */
  Load(List<Player> players, List<String> songs, double addShare, double voteShare, Duration pause) {
    this.players = players;
    this.songs = songs;
    this.addShare = addShare;
    this.voteShare = voteShare;
    this.pause = pause;
  }

  Load start() {
    running.set(true);
    int n = 0;
    for (Player p : players) {
      long seed = 7919L * ++n;
      Thread t = new Thread(() -> run(p, new Random(seed)), "load-" + p.name);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    return this;
  }

  /**
   * What a test waits for around its disturbance: {@code before} acknowledged commands before it
   * (every client with events too), and after it {@code after} acknowledged commands sent after it,
   * {@code afterPerPlayer} of every client's own.
   */
  record Targets(int before, int after, int afterPerPlayer) {}

  /**
   * Starts the load and waits for it to be steady: the targets' commands before (sent since the
   * start) acknowledged in {@code ledger}, and an event seen by every player. Returns how long
   * that took (ms).
   */
  long startSteady(Ledger ledger, Targets targets, String before) throws InterruptedException {
    int acks = targets.before();
    long start = System.nanoTime();
    start();
    Await.All steady = Await.all("for steady load " + before)
        .on(acks + " acknowledged commands", ledger.whenAtLeast(acks, Ledger.acknowledgedSince(start)));
    for (Player p : players) {
      steady.on(p + " receiving events", p.bus().whenEventAfter(start));
    }
    return steady.within(Await.DEADLINE);
  }

  /**
   * Waits for the load to flow again after a disturbance: the targets' commands sent after
   * {@code sentAfter} acknowledged, and every player with an event after {@code eventsAfter}
   * (its first connection's events do not count when it reconnected since) and its own share of
   * commands sent after {@code sentAfter} acknowledged. Returns how long that took (ms).
   */
  long awaitFlowing(Ledger ledger, String after, long eventsAfter, long sentAfter, Targets targets)
      throws InterruptedException {
    int acks = targets.after();
    int acksPerPlayer = targets.afterPerPlayer();
    Await.All flowing = Await.all("for load to flow again " + after)
        .on(acks + " acknowledged commands sent " + after,
            ledger.whenAtLeast(acks, Ledger.acknowledgedSince(sentAfter)));
    for (Player p : players) {
      flowing.on(p + " receiving events", p.bus().whenEventAfter(eventsAfter));
      flowing.on(p + " with " + acksPerPlayer + " acknowledged commands sent " + after,
          ledger.whenAtLeast(acksPerPlayer, Ledger.acknowledgedSince(p, sentAfter)));
    }
    return flowing.within(Await.DEADLINE);
  }

  private void run(Player p, Random rnd) {
    List<String> items = itemsByJam.computeIfAbsent(p.code, c -> new CopyOnWriteArrayList<>());
    try {
      while (running.get()) {
        if (!p.awaitOpen(Duration.ofMillis(250))) {
          continue; // still reconnecting: check whether the load was stopped meanwhile
        }
        double r = rnd.nextDouble();
        if (r < addShare || items.isEmpty()) {
          Ledger.Attempt a = p.add(songs.get(rnd.nextInt(songs.size())));
          if (a.outcome() == Ledger.Outcome.ACK) {
            items.add(a.itemId());
          }
        } else if (r < addShare + voteShare) {
          // Mostly recent items: they are the ones still queued.
          int from = Math.max(0, items.size() - 12);
          String item = items.get(from + rnd.nextInt(items.size() - from));
          int[] values = {1, 1, -1, 0};
          p.vote(item, values[rnd.nextInt(values.length)]);
        } else {
          p.voteSkip(rnd.nextInt(3) > 0);
        }
        long ms = pause.toMillis();
        Await.pause(Duration.ofMillis(ms / 2 + rnd.nextInt((int) ms + 1)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      LOG.error("load of {} crashed", p, t);
      crashes.add(t);
    }
  }

  /** Stops every player after its command in flight; fails if a load thread crashed. */
  void stop() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(30_000);
    }
    if (!crashes.isEmpty()) {
      throw new AssertionError("a load thread crashed", crashes.get(0));
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (running.get()) {
      stop();
    }
  }
}
