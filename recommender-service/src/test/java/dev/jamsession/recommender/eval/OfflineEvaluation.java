package dev.jamsession.recommender.eval;

import dev.jamsession.core.catalog.Song;
import dev.jamsession.recommender.engine.BaselineStrategy;
import dev.jamsession.recommender.engine.Recommender;
import dev.jamsession.recommender.engine.RoomBlendStrategy;
import dev.jamsession.recommender.testing.SyntheticCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Compares the baseline and the default strategy on simulated jams: for each seed a synthetic
 * catalog and a set of rooms of 2 to 8 listeners with hidden tastes, each room played out with
 * each strategy from the same start. Prints markdown tables by seed and by room size.
 *
 * <p>Run: {@code mvn -q -pl recommender-service test-compile exec:java
 * -Dexec.mainClass=dev.jamsession.recommender.eval.OfflineEvaluation}
 */
public final class OfflineEvaluation {
  private OfflineEvaluation() {}

  static final List<String> STRATEGIES = List.of(BaselineStrategy.NAME, RoomBlendStrategy.NAME);

  /** How big an evaluation is. */
  record Config(int songs, int genres, int artists, int rooms, int rounds) {
    static final Config FULL = new Config(20_000, 16, 1_500, 12, 10);
    /** The size the tests run: about a second per seed. */
    static final Config SMALL = new Config(4_000, 12, 300, 7, 6);
  }

  /** Metrics per strategy, overall and per room size, for one seed. */
  record Result(Map<String, Metrics> overall, Map<Integer, Map<String, Metrics>> bySize) {}

  public static void main(String[] args) {
    long[] seeds = {1, 2, 3, 4, 5};
    Config config = Config.FULL;
    List<Result> results = new ArrayList<>();
    System.out.printf(Locale.ROOT, "%d songs, %d genres, %d artists; %d rooms of 2-8 listeners"
            + " per seed, %d rounds, top 10%n%n", config.songs(), config.genres(),
        config.artists(), config.rooms(), config.rounds());
    System.out.println("| seed | hit rate baseline | hit rate default | coverage baseline"
        + " | coverage default | artist diversity baseline | artist diversity default |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
    for (long seed : seeds) {
      Result r = evaluate(seed, config);
      results.add(r);
      System.out.println(row(String.valueOf(seed), r.overall()));
    }
    System.out.println(row("**mean**", merge(results.stream().map(Result::overall).toList())));
    System.out.println();
    System.out.println("| listeners | hit rate baseline | hit rate default | coverage baseline"
        + " | coverage default | artist diversity baseline | artist diversity default |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
    Map<Integer, List<Map<String, Metrics>>> bySize = new TreeMap<>();
    results.forEach(r -> r.bySize().forEach(
        (size, m) -> bySize.computeIfAbsent(size, k -> new ArrayList<>()).add(m)));
    bySize.forEach((size, ms) -> System.out.println(row(String.valueOf(size), merge(ms))));
  }

  static Result evaluate(long seed, Config config) {
    List<Song> catalog = SyntheticCatalog.generate(config.songs(), config.genres(),
        config.artists(), seed);
    Recommender engine = new Recommender(catalog);
    Map<String, List<Song>> byGenre = byGenre(catalog);
    Map<String, Metrics> overall = new TreeMap<>();
    Map<Integer, Map<String, Metrics>> bySize = new TreeMap<>();
    for (int room = 0; room < config.rooms(); room++) {
      List<Listener> listeners = listeners(seed, room, byGenre);
      int size = listeners.size();
      for (String name : STRATEGIES) {
        long roomSeed = seed * 31 + room;
        Metrics m = new SimulatedRoom(catalog, listeners, engine.strategy(name).orElseThrow(),
            null, roomSeed).run(config.rounds(), roomSeed);
        overall.computeIfAbsent(name, k -> new Metrics()).addAll(m);
        bySize.computeIfAbsent(size, k -> new TreeMap<>())
            .computeIfAbsent(name, k -> new Metrics()).addAll(m);
      }
    }
    return new Result(overall, bySize);
  }

  static Map<String, List<Song>> byGenre(List<Song> catalog) {
    return catalog.stream()
        .collect(Collectors.groupingBy(Song::genre, TreeMap::new, Collectors.toList()));
  }

  /** The listeners of room {@code room} of a seed: 2 to 8 of them, with their hidden tastes. */
  static List<Listener> listeners(long seed, int room, Map<String, List<Song>> byGenre) {
    int size = 2 + room % 7;
    Random tastes = new Random(seed * 7_919 + room);
    List<Listener> listeners = new ArrayList<>();
    for (int n = 0; n < size; n++) {
      listeners.add(Listener.random(n, byGenre, tastes));
    }
    return listeners;
  }

  private static Map<String, Metrics> merge(List<Map<String, Metrics>> all) {
    Map<String, Metrics> out = new TreeMap<>();
    all.forEach(m -> m.forEach((name, metrics) ->
        out.computeIfAbsent(name, k -> new Metrics()).addAll(metrics)));
    return out;
  }

  private static String row(String label, Map<String, Metrics> m) {
    Metrics b = m.get(BaselineStrategy.NAME);
    Metrics d = m.get(RoomBlendStrategy.NAME);
    return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |", label,
        b.hitRate(), d.hitRate(), b.coverage(), d.coverage(), b.diversity(), d.diversity());
  }
}
