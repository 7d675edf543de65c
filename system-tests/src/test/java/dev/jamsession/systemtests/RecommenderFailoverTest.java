package dev.jamsession.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** kill -9 of one recommender (of two) while clients ask for recommendations: none fails. */
class RecommenderFailoverTest {
  private static final Logger LOG = LoggerFactory.getLogger(RecommenderFailoverTest.class);
  /** Requests each client has answered before the kill (about 3.5 s of asking). */
  static final int ANSWERS_BEFORE = 20;
  /** Requests sent after the kill each client has answered (about 4.5 s): any in flight at the kill is done. */
  static final int ANSWERS_AFTER = 25;
  static final Duration PACE = Duration.ofMillis(150);

  @RegisterExtension
  static final ClusterFixture fixture =
      new ClusterFixture(() -> new LocalCluster("recommender-failover", 2, 1, 2, false, Map.of()));

  @Test
  void noRecommendationRequestFailsWhenARecommenderDies() throws Exception {
    Ledger ledger = new Ledger();
    List<Player> players = fixture.populate(ledger, 1, 4, null);
    try {
      // Give the room a taste: a few songs queued and voted.
      List<String> songs = fixture.songIds(40);
      for (int i = 0; i < 6; i++) {
        Ledger.Attempt add = players.get(i % players.size()).add(songs.get(i * 5));
        if (add.outcome() == Ledger.Outcome.ACK) {
          for (Player p : players) {
            p.vote(add.itemId(), i % 3 == 0 ? -1 : 1);
          }
        }
      }
      assertThat(players.get(0).bus().request("jam.get-recommendations", new JsonObject().put("limit", 5))
          .getBoolean("success")).as("recommendations work before the kill").isTrue();

      AtomicBoolean running = new AtomicBoolean(true);
      List<String> failures = new CopyOnWriteArrayList<>();
      List<Long> latencies = new CopyOnWriteArrayList<>();
      List<Long> latenciesAfterKill = new CopyOnWriteArrayList<>();
      AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
      List<Thread> askers = new ArrayList<>();
      Await.All asking = Await.all("for recommendation requests before the kill");
      Await.All askingAfter = Await.all("for recommendation requests sent after the kill");
      for (Player p : players) {
        Await.Tally answered = new Await.Tally(); // answered or failed: a request no longer in flight
        Await.Tally answeredAfterKill = new Await.Tally();
        asking.on(p + " with " + ANSWERS_BEFORE + " requests done", answered.reaches(ANSWERS_BEFORE));
        askingAfter.on(p + " with " + ANSWERS_AFTER + " requests sent after the kill done",
            answeredAfterKill.reaches(ANSWERS_AFTER));
        Thread t = new Thread(() -> {
          while (running.get()) {
            long sent = System.nanoTime();
            try {
              JsonObject reply = p.bus().request("jam.get-recommendations", new JsonObject().put("limit", 5));
              if (!Boolean.TRUE.equals(reply.getBoolean("success"))) {
                failures.add(p.name + ": " + reply.encode());
              }
            } catch (Exception e) {
              failures.add(p.name + ": " + e);
            }
            long ms = (System.nanoTime() - sent) / 1_000_000;
            latencies.add(ms);
            if (sent >= killedAt.get() - 2_000_000_000L) {
              latenciesAfterKill.add(ms);
            }
            answered.add();
            if (sent >= killedAt.get()) {
              answeredAfterKill.add();
            }
            try {
              Await.pause(PACE);
            } catch (InterruptedException e) {
              return;
            }
          }
        }, "ask-" + p.name);
        t.start();
        askers.add(t);
      }
      long beforeMs;
      long afterMs;
      try {
        beforeMs = asking.within(Await.DEADLINE);
        killedAt.set(System.nanoTime());
        fixture.cluster().get("recommender-1").kill();
        afterMs = askingAfter.within(Await.DEADLINE);
      } finally {
        running.set(false);
      }
      LOG.info("asked {} ms before the kill and {} ms after it", beforeMs, afterMs);
      for (Thread t : askers) {
        t.join(20_000);
      }
      LOG.info("recommender kill -9: {} requests, {} failed; latency max {} ms, median {} ms; "
              + "from 2 s before the kill on: max {} ms, median {} ms",
          latencies.size(), failures.size(), Stats.max(latencies), Stats.median(latencies),
          Stats.max(latenciesAfterKill), Stats.median(latenciesAfterKill));
      assertThat(latencies.size()).as("requests made").isGreaterThan(40);
      assertThat(failures).as("failed recommendation requests").isEmpty();
    } finally {
      players.forEach(Player::close);
    }
  }
}
