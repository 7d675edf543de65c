package dev.jamsession.recommender.bench;

import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.catalog.Moods;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.domain.SongRules;
import dev.jamsession.recommender.engine.BaselineStrategy;
import dev.jamsession.recommender.engine.Recommender;
import dev.jamsession.recommender.engine.RoomBlendStrategy;
import dev.jamsession.recommender.engine.RoomSignals;
import dev.jamsession.recommender.engine.Strategy;
import dev.jamsession.recommender.testing.SyntheticCatalog;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Latency of one recommendation over a 100,000-song catalog for a room of 50 participants with
 * a 50-song queue and 50 played songs, all voted on, limit 10. Not a test: it prints
 * percentiles. One thread, as one request runs on one worker thread. {@code -Dmood=chill} (a
 * mood id of PROTOCOL §13) asks every request in that mood.
 *
 * <p>Run: {@code mvn -q -pl recommender-service test-compile exec:java
 * -Dexec.mainClass=dev.jamsession.recommender.bench.LatencyBenchmark}
 */
public final class LatencyBenchmark {
  private LatencyBenchmark() {}

  private static final int SONGS = 100_000;
  private static final int GENRES = 24;
  private static final int ARTISTS = 8_000;
  private static final int PARTICIPANTS = 50;
  private static final int QUEUE = 50;
  private static final int HISTORY = 50;
  private static final int ROOMS = 50;
  private static final int WARMUP = 3_000;
  private static final int MEASURED = 10_000;
  private static final Mood MOOD = Moods.byId(System.getProperty("mood", "")).orElse(null);

  public static void main(String[] args) {
    List<Song> catalog = SyntheticCatalog.generate(SONGS, GENRES, ARTISTS, 1);
    long buildStart = System.nanoTime();
    Recommender engine = new Recommender(catalog);
    System.out.printf(Locale.ROOT, "index of %,d songs built in %d ms; mood %s%n", SONGS,
        (System.nanoTime() - buildStart) / 1_000_000, MOOD == null ? "none" : MOOD.id());
    Random rnd = new Random(7);
    Map<String, List<Song>> byGenre = catalog.stream().collect(Collectors.groupingBy(Song::genre));
    List<RoomSignals> rooms = new ArrayList<>();
    for (int i = 0; i < ROOMS; i++) {
      rooms.add(room(catalog, byGenre, rnd));
    }
    for (String name : List.of(RoomBlendStrategy.NAME, BaselineStrategy.NAME)) {
      Strategy strategy = engine.strategy(name).orElseThrow();
      run(strategy, rooms, WARMUP, new long[WARMUP], new long[WARMUP]);
      long[] wall = new long[MEASURED];
      long[] cpu = new long[MEASURED];
      run(strategy, rooms, MEASURED, wall, cpu);
      print(name + " wall", wall);
      print(name + " cpu", cpu);
    }
  }

  /**
   * Times each call by the clock and by the thread's CPU time: on a busy shared machine the
   * clock also counts time the thread waited for a core, the CPU time does not.
   */
  private static void run(Strategy strategy, List<RoomSignals> rooms, int runs, long[] wall,
                          long[] cpu) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int sink = 0;
    for (int i = 0; i < runs; i++) {
      RoomSignals base = rooms.get(i % rooms.size());
      RoomSignals room = new RoomSignals(base.participants(), base.queue(), base.history(),
          base.currentSongId(), base.limit(), i, SongRules.NONE, MOOD);
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      sink += strategy.recommend(room).size();
      wall[i] = System.nanoTime() - start;
      cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
    }
    if (sink == 0) {
      throw new IllegalStateException("no recommendations");
    }
  }

  private static void print(String label, long[] nanos) {
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT,
        "%-16s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%,d runs)%n",
        label, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6,
        nanos.length);
  }

  /** 50 people with two favourite genres each, who queue from them and vote by them. */
  private static RoomSignals room(List<Song> catalog, Map<String, List<Song>> byGenre,
                                  Random rnd) {
    List<String> genres = new ArrayList<>(byGenre.keySet());
    genres.sort(String::compareTo);
    List<RoomSignals.Member> members = new ArrayList<>();
    Map<String, Set<String>> favourites = new HashMap<>();
    for (int p = 0; p < PARTICIPANTS; p++) {
      String id = "p" + p;
      members.add(new RoomSignals.Member(id, "Person " + p, true));
      Collections.shuffle(genres, rnd);
      favourites.put(id, Set.of(genres.get(0), genres.get(1)));
    }
    Set<String> used = new HashSet<>();
    List<RoomSignals.QueuedSong> queue = new ArrayList<>();
    List<RoomSignals.PlayedSong> history = new ArrayList<>();
    for (int i = 0; i < QUEUE + HISTORY + 1; i++) {
      String adder = "p" + rnd.nextInt(PARTICIPANTS);
      List<String> liked = List.copyOf(favourites.get(adder));
      List<Song> pool = byGenre.get(liked.get(rnd.nextInt(liked.size())));
      Song song = pool.get(rnd.nextInt(pool.size()));
      if (!used.add(song.id())) {
        continue;
      }
      Map<String, Integer> votes = new HashMap<>();
      Set<String> skips = new HashSet<>();
      for (int v = 0; v < 10; v++) {
        String voter = "p" + rnd.nextInt(PARTICIPANTS);
        boolean likes = favourites.get(voter).contains(song.genre());
        votes.put(voter, likes ? 1 : -1);
        if (!likes && rnd.nextInt(3) == 0) {
          skips.add(voter);
        }
      }
      if (queue.size() < QUEUE) {
        queue.add(new RoomSignals.QueuedSong(song.id(), adder, votes));
      } else {
        history.add(new RoomSignals.PlayedSong(song.id(), adder, votes, skips));
      }
    }
    String current = catalog.get(rnd.nextInt(catalog.size())).id();
    return new RoomSignals(members, queue, history, current, 10, 0);
  }

  private static double ms(long[] sorted, double q) {
    return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] / 1e6;
  }
}
