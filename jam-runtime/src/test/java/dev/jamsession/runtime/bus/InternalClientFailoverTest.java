package dev.jamsession.runtime.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamsession.runtime.JamNode;
import dev.jamsession.testkit.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A request that went to a member which then dies is sent again as soon as the cluster reports the
 * member gone, to a live member, not after its timeout (deploy/README.md, "Failure detection"):
 * real clustered members on loopback, one of them killed as a crash would.
 */
class InternalClientFailoverTest {
  private static final String ADDRESS = "test.failover.work";
  private static final long TIMEOUT_MS = 10_000;
  /** Requests held, unanswered, by the member that is then killed (at least). */
  private static final int HELD = 10;

  @Test
  void requestsPendingOnAKilledMemberAreAnsweredByAnotherRightAfterItIsDeclaredGone() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      JamNode doomed = cluster.start(JamNode.Role.DATA);
      JamNode survivor = cluster.start(JamNode.Role.DATA);
      JamNode caller = cluster.start(JamNode.Role.LITE);
      AtomicInteger held = new AtomicInteger();
      Semaphore arrived = new Semaphore(0); // one permit per request that reached a member
      doomed.vertx().eventBus().<JsonObject>consumer(ADDRESS, m -> { // never answers
        held.incrementAndGet();
        arrived.release();
      }).completion().await(30, TimeUnit.SECONDS);
      survivor.vertx().eventBus().<JsonObject>consumer(ADDRESS, m -> {
        m.reply(m.body().copy().put("by", "survivor"));
        arrived.release();
      }).completion().await(30, TimeUnit.SECONDS);
      CompletableFuture<Long> gone = new CompletableFuture<>();
      caller.onMemberLeft(id -> gone.complete(System.nanoTime()));
      InternalClient client = caller.internalClient(TIMEOUT_MS, 3);

      // The bus round-robins: send until HELD requests wait at the doomed member.
      List<Future<JsonObject>> pending = new ArrayList<>();
      AtomicLong answeredAt = new AtomicLong();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      for (int i = 0; held.get() < HELD; i++) {
        assertThat(System.nanoTime()).as("requests reach both members").isLessThan(deadline);
        pending.add(client.request(ADDRESS, new JsonObject().put("n", i))
            .andThen(r -> answeredAt.accumulateAndGet(System.nanoTime(), Math::max)));
        assertThat(arrived.tryAcquire(10, TimeUnit.SECONDS)).as("request %d reached a member", i).isTrue();
      }

      long killedAt = System.nanoTime();
      cluster.kill(doomed);
      List<JsonObject> replies = Future.all(pending).await(TIMEOUT_MS, TimeUnit.MILLISECONDS).list();

      assertThat(replies).allSatisfy(r -> assertThat(r.getString("by")).isEqualTo("survivor"));
      // The client's own listener can resend (and get answers) before this one hears of the loss.
      long goneAt = gone.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
      long afterGoneMs = TimeUnit.NANOSECONDS.toMillis(answeredAt.get() - goneAt);
      long afterKillMs = TimeUnit.NANOSECONDS.toMillis(answeredAt.get() - killedAt);
      System.out.printf("InternalClientFailoverTest: %d requests held by the killed member answered %d ms after the kill,"
          + " %d ms after it was declared gone (timeout %d ms)%n", held.get(), afterKillMs, afterGoneMs, TIMEOUT_MS);
      // Waiting for the timeout would take TIMEOUT_MS after each request was sent.
      // (Bounds with room for a slow, shared machine: 0.8 to 1.6 s after the kill at load average 28.)
      assertThat(afterGoneMs).as("every held request answered %d ms after the member was gone (%d ms after the kill)",
          afterGoneMs, afterKillMs).isLessThan(TIMEOUT_MS * 3 / 10);
      assertThat(afterKillMs).as("answered long before the timeout").isLessThan(TIMEOUT_MS / 2);
    }
  }
}
