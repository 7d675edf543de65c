package dev.jamsession.recommender.eval;

import dev.jamsession.core.catalog.Mood;
import dev.jamsession.core.catalog.Song;
import dev.jamsession.core.domain.SongRules;
import dev.jamsession.recommender.engine.Recommendation;
import dev.jamsession.recommender.engine.RoomSignals;
import dev.jamsession.recommender.engine.Strategy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One jam played out with one strategy. Each round: some listeners queue a song they like, the
 * strategy recommends ten songs (scored against the hidden tastes), the top two of them are
 * queued, everyone votes on what they have not voted on yet, and the three best-voted songs play,
 * skipped by whoever dislikes them. A room may have a mood (PROTOCOL §13) that its requests carry.
 */
final class SimulatedRoom {
  private static final int ANSWER = 10;
  private static final int QUEUED_FROM_ANSWER = 2;
  private static final int PLAYED_PER_ROUND = 3;
  private static final int BROWSED_PER_ADD = 200;
  private static final double ADD_CHANCE = 0.5;

  private final List<Song> catalog;
  private final List<Listener> listeners;
  private final Strategy strategy;
  private final Mood mood;
  private final Random rnd;
  private final List<Entry> queue = new ArrayList<>();
  private final List<RoomSignals.PlayedSong> history = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private String current;

  SimulatedRoom(List<Song> catalog, List<Listener> listeners, Strategy strategy, Mood mood, long seed) {
    this.catalog = catalog;
    this.listeners = listeners;
    this.strategy = strategy;
    this.mood = mood;
    this.rnd = new Random(seed);
  }

  Metrics run(int rounds, long seed) {
    return run(rounds, seed, answer -> { });
  }

  /** Plays the room out, handing each answer to {@code answers} as well. */
  Metrics run(int rounds, long seed, Consumer<List<Recommendation>> answers) {
    Metrics metrics = new Metrics();
    for (int round = 0; round < rounds; round++) {
      listeners.forEach(this::maybeAdd);
      List<Recommendation> answer = strategy.recommend(signals(seed * 1_000 + round));
      metrics.record(answer, listeners);
      answers.accept(answer);
      answer.stream().limit(QUEUED_FROM_ANSWER)
          .forEach(r -> enqueue(r.song().id(), "recommender"));
      vote();
      play();
    }
    return metrics;
  }

  private void maybeAdd(Listener l) {
    if (rnd.nextDouble() >= ADD_CHANCE) {
      return;
    }
    Song best = null;
    for (int i = 0; i < BROWSED_PER_ADD; i++) {
      Song s = catalog.get(rnd.nextInt(catalog.size()));
      if (!seen.contains(s.id()) && (best == null || l.utility(s) > l.utility(best))) {
        best = s;
      }
    }
    if (best != null) {
      enqueue(best.id(), l.id());
    }
  }

  private void enqueue(String songId, String addedBy) {
    if (seen.add(songId)) {
      queue.add(new Entry(songId, addedBy, new LinkedHashMap<>()));
    }
  }

  private void vote() {
    for (Entry e : queue) {
      Song song = song(e.songId);
      for (Listener l : listeners) {
        if (!l.id().equals(e.addedBy) && !e.votes.containsKey(l.id())) {
          if (l.likes(song)) {
            e.votes.put(l.id(), 1);
          } else if (l.dislikes(song)) {
            e.votes.put(l.id(), -1);
          }
        }
      }
    }
  }

  private void play() {
    queue.sort(Comparator.comparingInt((Entry e) -> -e.score()));
    for (int i = 0; i < PLAYED_PER_ROUND && !queue.isEmpty(); i++) {
      Entry e = queue.remove(0);
      Song song = song(e.songId);
      Set<String> skippedBy = listeners.stream().filter(l -> l.dislikes(song))
          .map(Listener::id).collect(Collectors.toSet());
      history.add(0, new RoomSignals.PlayedSong(e.songId, e.addedBy, e.votes, skippedBy));
      current = e.songId;
    }
  }

  private RoomSignals signals(long seed) {
    List<RoomSignals.Member> members = listeners.stream()
        .map(l -> new RoomSignals.Member(l.id(), l.name(), true)).toList();
    List<RoomSignals.QueuedSong> queued = queue.stream()
        .map(e -> new RoomSignals.QueuedSong(e.songId, e.addedBy, e.votes)).toList();
    return new RoomSignals(members, queued, history, current, ANSWER, seed, SongRules.NONE, mood);
  }

  private Song song(String id) {
    return catalog.get(Integer.parseInt(id.substring(1)));
  }

  private record Entry(String songId, String addedBy, Map<String, Integer> votes) {
    int score() {
      return votes.values().stream().mapToInt(Integer::intValue).sum();
    }
  }
}
