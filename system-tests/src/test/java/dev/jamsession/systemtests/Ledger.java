package dev.jamsession.systemtests;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Every command the players sent and what they heard back, replayed against the final state:
 * whatever a client was told succeeded must be there. A command whose reply never came (or was
 * UNAVAILABLE / INTERNAL) may or may not have been applied, and both are accepted.
 */
final class Ledger {
  enum Kind { ADD, VOTE, SKIP }

  /** ACK: success reply. REFUSED: a definite protocol refusal. UNKNOWN: no reply, or UNAVAILABLE/INTERNAL. */
  enum Outcome { ACK, REFUSED, UNKNOWN }

  record Attempt(String code, String participantId, String player, Kind kind, String requestId, boolean retry,
                 String itemId, String songId, int value, Outcome outcome, String detail,
                 long sentNanos, long repliedNanos) {}

  /** A jam's final state: one snapshot for the shared fields, each participant's own votes. */
  record FinalState(JsonObject snapshot, Map<String, Map<String, Integer>> votesByParticipant) {}

  private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
  /** Guarded by {@code attempts} (a synchronized list locks on itself). */
  private final List<CountWaiter> waiters = new ArrayList<>();

  private static final class CountWaiter {
    final Predicate<Attempt> which;
    final CompletableFuture<Void> reached = new CompletableFuture<>();
    long missing;

    CountWaiter(Predicate<Attempt> which, long missing) {
      this.which = which;
      this.missing = missing;
    }
  }

  Attempt record(Attempt a) {
    List<CompletableFuture<Void>> reached = new ArrayList<>();
    synchronized (attempts) {
      attempts.add(a);
      for (Iterator<CountWaiter> it = waiters.iterator(); it.hasNext(); ) {
        CountWaiter w = it.next();
        if (w.which.test(a) && --w.missing <= 0) {
          reached.add(w.reached);
          it.remove();
        }
      }
    }
    reached.forEach(f -> f.complete(null));
    return a;
  }

  /** Completes once the ledger holds at least {@code n} attempts that match (those already recorded count). */
  CompletableFuture<Void> whenAtLeast(long n, Predicate<Attempt> which) {
    synchronized (attempts) {
      long have = attempts.stream().filter(which).count();
      CountWaiter w = new CountWaiter(which, n - have);
      if (w.missing <= 0) {
        w.reached.complete(null);
      } else {
        waiters.add(w);
      }
      return w.reached;
    }
  }

  /** Acknowledged commands sent at or after {@code nanos} (a System.nanoTime). */
  static Predicate<Attempt> acknowledgedSince(long nanos) {
    return a -> a.outcome == Outcome.ACK && a.sentNanos >= nanos;
  }

  /** Acknowledged commands of {@code player} sent at or after {@code nanos}. */
  static Predicate<Attempt> acknowledgedSince(Player player, long nanos) {
    return acknowledgedSince(nanos).and(a -> a.player.equals(player.name) && a.code.equals(player.code));
  }

  List<Attempt> attempts() {
    synchronized (attempts) {
      return List.copyOf(attempts);
    }
  }

  long count(Kind kind, Outcome outcome) {
    return attempts().stream().filter(a -> a.kind == kind && a.outcome == outcome).count();
  }

  String summary() {
    Map<Kind, Map<Outcome, Integer>> counts = new EnumMap<>(Kind.class);
    Map<String, Integer> details = new HashMap<>();
    for (Attempt a : attempts()) {
      counts.computeIfAbsent(a.kind, k -> new EnumMap<>(Outcome.class)).merge(a.outcome, 1, Integer::sum);
      if (a.outcome != Outcome.ACK) {
        details.merge(a.kind + " " + a.outcome + " " + a.detail, 1, Integer::sum);
      }
    }
    long retries = attempts().stream().filter(Attempt::retry).count();
    return "operations " + counts + ", retries " + retries + ", non-successes " + new java.util.TreeMap<>(details);
  }

  /** Everything acknowledged that the final states contradict; empty when all is there. */
  List<String> violations(Map<String, FinalState> finals) {
    List<String> problems = new ArrayList<>();
    Map<String, List<Attempt>> byJam = new LinkedHashMap<>();
    for (Attempt a : attempts()) {
      byJam.computeIfAbsent(a.code, c -> new ArrayList<>()).add(a);
    }
    for (Map.Entry<String, List<Attempt>> jam : byJam.entrySet()) {
      FinalState fin = finals.get(jam.getKey());
      if (fin == null) {
        problems.add("jam " + jam.getKey() + " is gone");
        continue;
      }
      checkAdds(jam.getKey(), jam.getValue(), fin.snapshot, problems);
      checkVotes(jam.getKey(), jam.getValue(), fin, problems);
      checkConsistency(jam.getKey(), fin, problems);
    }
    return problems;
  }

  /** Every acknowledged add: its item is queued or current, or its song is in the history. */
  private static void checkAdds(String code, List<Attempt> attempts, JsonObject snap, List<String> problems) {
    Set<String> itemIds = new HashSet<>();
    for (JsonObject item : items(snap)) {
      itemIds.add(item.getString("id"));
    }
    Set<String> playedSongs = new HashSet<>();
    for (Object h : snap.getJsonArray("history", new JsonArray())) {
      playedSongs.add(((JsonObject) h).getJsonObject("song").getString("id"));
    }
    for (Attempt a : attempts) {
      if (a.kind == Kind.ADD && a.outcome == Outcome.ACK
          && !itemIds.contains(a.itemId) && !playedSongs.contains(a.songId)) {
        problems.add("jam " + code + ": acknowledged add of song " + a.songId + " (item " + a.itemId + ", by "
            + a.player + ", requestId " + a.requestId + ") is in neither queue, current nor history");
      }
    }
  }

  /**
   * For every queued item and participant: the participant's vote is the last acknowledged one
   * (or 0 if none), or the value of an unanswered vote sent after it. For the current item (votes
   * no longer visible per participant) its score must be a sum of such values.
   */
  private static void checkVotes(String code, List<Attempt> attempts, FinalState fin, List<String> problems) {
    Map<String, Map<String, Set<Integer>>> allowed = allowedVotes(attempts); // item -> participant -> values
    Set<String> queued = new HashSet<>();
    for (Object o : fin.snapshot.getJsonArray("queue")) {
      queued.add(((JsonObject) o).getString("id"));
    }
    for (Map.Entry<String, Map<String, Set<Integer>>> item : allowed.entrySet()) {
      if (!queued.contains(item.getKey())) {
        continue;
      }
      for (Map.Entry<String, Set<Integer>> p : item.getValue().entrySet()) {
        Map<String, Integer> votes = fin.votesByParticipant.get(p.getKey());
        if (votes == null) {
          problems.add("jam " + code + ": no final snapshot of participant " + p.getKey());
          continue;
        }
        int actual = votes.getOrDefault(item.getKey(), 0);
        if (!p.getValue().contains(actual)) {
          problems.add("jam " + code + ": participant " + p.getKey() + " has vote " + actual + " on item "
              + item.getKey() + ", acknowledged history allows only " + p.getValue());
        }
      }
    }
    JsonObject current = fin.snapshot.getJsonObject("current");
    if (current != null && allowed.containsKey(current.getString("id"))) {
      Set<Integer> sums = Set.of(0);
      for (Set<Integer> values : allowed.get(current.getString("id")).values()) {
        Set<Integer> next = new TreeSet<>();
        for (int s : sums) {
          for (int v : values) {
            next.add(s + v);
          }
        }
        sums = next;
      }
      int score = current.getInteger("score");
      if (!sums.contains(score)) {
        problems.add("jam " + code + ": current item " + current.getString("id") + " has score " + score
            + ", acknowledged votes allow only " + sums);
      }
    }
  }

  private static Map<String, Map<String, Set<Integer>>> allowedVotes(List<Attempt> attempts) {
    Map<String, Map<String, Set<Integer>>> allowed = new HashMap<>();
    for (Attempt a : attempts) { // in each participant's order: one command at a time per player
      if (a.kind != Kind.VOTE) {
        continue;
      }
      Set<Integer> values = allowed.computeIfAbsent(a.itemId, i -> new HashMap<>())
          .computeIfAbsent(a.participantId, p -> new TreeSet<>(Set.of(0)));
      if (a.outcome == Outcome.ACK) {
        values.clear();
        values.add(a.value);
      } else if (a.outcome == Outcome.UNKNOWN) {
        values.add(a.value);
      }
    }
    return allowed;
  }

  /** The snapshot agrees with itself: each queued score is the sum of the participants' own votes. */
  private static void checkConsistency(String code, FinalState fin, List<String> problems) {
    Set<String> seenSongs = new HashSet<>();
    for (JsonObject item : items(fin.snapshot)) {
      if (!seenSongs.add(item.getJsonObject("song").getString("id"))) {
        problems.add("jam " + code + ": song " + item.getJsonObject("song").getString("id") + " queued twice");
      }
    }
    for (Object o : fin.snapshot.getJsonArray("queue")) {
      JsonObject item = (JsonObject) o;
      int sum = 0;
      for (Map<String, Integer> votes : fin.votesByParticipant.values()) {
        sum += votes.getOrDefault(item.getString("id"), 0);
      }
      if (sum != item.getInteger("score")) {
        problems.add("jam " + code + ": item " + item.getString("id") + " has score " + item.getInteger("score")
            + " but its participants' votes add up to " + sum);
      }
    }
  }

  private static List<JsonObject> items(JsonObject snap) {
    List<JsonObject> items = new ArrayList<>();
    for (Object o : snap.getJsonArray("queue")) {
      items.add((JsonObject) o);
    }
    if (snap.getJsonObject("current") != null) {
      items.add(snap.getJsonObject("current"));
    }
    return items;
  }

  /** The votes of a participant's snapshot ({@code you.votes}) as a map. */
  static Map<String, Integer> votesOf(JsonObject snapshot) {
    Map<String, Integer> out = new HashMap<>();
    snapshot.getJsonObject("you").getJsonObject("votes").forEach(e -> out.put(e.getKey(), ((Number) e.getValue()).intValue()));
    return out;
  }
}
