package dev.jamsession.recommender.eval;

import dev.jamsession.recommender.engine.Recommendation;
import java.util.List;

/**
 * The three numbers of the evaluation, averaged over every answer recorded: hit rate (share of
 * recommended songs the room would vote up: more of its listeners like than dislike them),
 * coverage (share of listeners with at least one song they like in the answer) and artist
 * diversity (distinct artists per song).
 */
final class Metrics {
  private double hitRate;
  private double coverage;
  private double diversity;
  private int answers;

  void record(List<Recommendation> answer, List<Listener> room) {
    if (answer.isEmpty()) {
      return;
    }
    int hits = 0;
    for (Recommendation r : answer) {
      long likes = room.stream().filter(l -> l.likes(r.song())).count();
      long dislikes = room.stream().filter(l -> l.dislikes(r.song())).count();
      if (likes > dislikes) {
        hits++;
      }
    }
    long served = room.stream()
        .filter(l -> answer.stream().anyMatch(r -> l.likes(r.song()))).count();
    long artists = answer.stream().map(r -> r.song().artist()).distinct().count();
    hitRate += (double) hits / answer.size();
    coverage += (double) served / room.size();
    diversity += (double) artists / answer.size();
    answers++;
  }

  void addAll(Metrics other) {
    hitRate += other.hitRate;
    coverage += other.coverage;
    diversity += other.diversity;
    answers += other.answers;
  }

  double hitRate() {
    return answers == 0 ? 0 : hitRate / answers;
  }

  double coverage() {
    return answers == 0 ? 0 : coverage / answers;
  }

  double diversity() {
    return answers == 0 ? 0 : diversity / answers;
  }
}
