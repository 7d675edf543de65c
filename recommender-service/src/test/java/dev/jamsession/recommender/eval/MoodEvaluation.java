package dev.jamsession.recommender.eval;

import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.catalog.MoodPlay;
import dev.jamsession.core.catalog.Moods;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.recommender.engine.Recommendation;
import dev.jamsession.recommender.engine.Recommender;
import dev.jamsession.recommender.engine.RoomBlendStrategy;
import dev.jamsession.recommender.engine.Strategy;
import dev.jamsession.recommender.testing.SyntheticCatalog;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Whether a mood's songs are closer to its region than random songs (PROTOCOL §13). On the
 * catalogs and rooms of {@link OfflineEvaluation}, for each mood: the songs of
 * {@code GET /api/mood-play} ({@link MoodPlay}), the default strategy's answers to the simulated
 * rooms with the mood set and with none, and random catalog songs, each measured by the share
 * of songs inside the mood's region and their mean distance to its centre
 * ({@link Mood#distance}: 0 at the centre, 1 at a face of the region; songs without features are
 * in no region and left out of the mean). Prints a markdown table over the seeds.
 *
 * <p>Run: {@code mvn -q -pl recommender-service test-compile exec:java
 * -Dexec.mainClass=dev.jamsession.recommender.eval.MoodEvaluation}
 */
public final class MoodEvaluation {
  private MoodEvaluation() {}

  static final int RANDOM_SONGS = 1_000;
  static final int MOOD_PLAY_SONGS = 20;

  /** Songs measured against one mood's region. */
  static final class Closeness {
    private int songs;
    private int inside;
    /** Over the songs with features only. */
    private final DoubleSummaryStatistics distance = new DoubleSummaryStatistics();

    void add(Song song, Mood mood) {
      songs++;
      if (mood.contains(song)) {
        inside++;
      }
      if (song.features() != null) {
        distance.accept(mood.distance(song));
      }
    }

    void addAll(Closeness other) {
      songs += other.songs;
      inside += other.inside;
      distance.combine(other.distance);
    }

    double share() {
      return songs == 0 ? 0 : (double) inside / songs;
    }

    double meanDistance() {
      return distance.getCount() == 0 ? Double.NaN : distance.getAverage();
    }
  }

  /** One mood on one or more catalogs: its size and each group of songs measured. */
  static final class Row {
    int inCatalog;
    final Closeness random = new Closeness();
    final Closeness noMood = new Closeness();
    final Closeness steered = new Closeness();
    final Closeness moodPlay = new Closeness();
    final Metrics hitsNoMood = new Metrics();
    final Metrics hitsSteered = new Metrics();

    void addAll(Row other) {
      inCatalog += other.inCatalog;
      random.addAll(other.random);
      noMood.addAll(other.noMood);
      steered.addAll(other.steered);
      moodPlay.addAll(other.moodPlay);
      hitsNoMood.addAll(other.hitsNoMood);
      hitsSteered.addAll(other.hitsSteered);
    }
  }

  public static void main(String[] args) {
    long[] seeds = {1, 2, 3, 4, 5};
    OfflineEvaluation.Config config = OfflineEvaluation.Config.FULL;
    System.out.printf(Locale.ROOT, "%d songs, %d genres, %d artists; %d rooms per seed, %d rounds,"
            + " top 10; seeds 1-5%n%n", config.songs(), config.genres(), config.artists(),
        config.rooms(), config.rounds());
    Map<String, Row> total = new LinkedHashMap<>();
    for (long seed : seeds) {
      evaluate(seed, config).forEach((id, row) -> total.computeIfAbsent(id, k -> new Row()).addAll(row));
    }
    System.out.println("| mood | songs in it | inside: random | no mood | mood set | mood-play"
        + " | distance: random | no mood | mood set | mood-play | hit rate: no mood | mood set |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    total.forEach((id, r) -> System.out.printf(Locale.ROOT,
        "| %s | %.0f | %.3f | %.3f | %.3f | %.3f | %.2f | %.2f | %.2f | %.2f | %.3f | %.3f |%n", id,
        (double) r.inCatalog / seeds.length, r.random.share(), r.noMood.share(), r.steered.share(),
        r.moodPlay.share(), r.random.meanDistance(), r.noMood.meanDistance(),
        r.steered.meanDistance(), r.moodPlay.meanDistance(), r.hitsNoMood.hitRate(),
        r.hitsSteered.hitRate()));
  }

  /** Each mood's row for one seed, in the order of {@link Moods#ALL}. */
  static Map<String, Row> evaluate(long seed, OfflineEvaluation.Config config) {
    List<Song> catalog = SyntheticCatalog.generate(config.songs(), config.genres(),
        config.artists(), seed);
    Strategy blend = new Recommender(catalog).strategy(RoomBlendStrategy.NAME).orElseThrow();
    Map<String, List<Song>> byGenre = OfflineEvaluation.byGenre(catalog);
    Map<String, Row> rows = new LinkedHashMap<>();
    Random rnd = new Random(seed);
    List<Song> randomSongs = new ArrayList<>();
    for (int i = 0; i < RANDOM_SONGS; i++) {
      randomSongs.add(catalog.get(rnd.nextInt(catalog.size())));
    }
    for (Mood mood : Moods.ALL) {
      Row row = new Row();
      row.inCatalog = (int) catalog.stream().filter(mood::contains).count();
      randomSongs.forEach(s -> row.random.add(s, mood));
      MoodPlay.sequence(mood, catalog, MOOD_PLAY_SONGS).forEach(s -> row.moodPlay.add(s, mood));
      rows.put(mood.id(), row);
    }
    for (int room = 0; room < config.rooms(); room++) {
      List<Listener> listeners = OfflineEvaluation.listeners(seed, room, byGenre);
      long roomSeed = seed * 31 + room;
      List<List<Recommendation>> free = new ArrayList<>();
      Metrics freeHits = new SimulatedRoom(catalog, listeners, blend, null, roomSeed)
          .run(config.rounds(), roomSeed, free::add);
      for (Mood mood : Moods.ALL) {
        Row row = rows.get(mood.id());
        free.forEach(answer -> answer.forEach(r -> row.noMood.add(r.song(), mood)));
        row.hitsNoMood.addAll(freeHits);
        row.hitsSteered.addAll(new SimulatedRoom(catalog, listeners, blend, mood, roomSeed)
            .run(config.rounds(), roomSeed, answer -> answer.forEach(r -> row.steered.add(r.song(), mood))));
      }
    }
    return rows;
  }
}
