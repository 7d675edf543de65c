package dev.jamsession.systemtests;

import dev.jamsession.testkit.BridgeClient;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Waiting for things to happen instead of sleeping for fixed windows. Preferably on futures
 * completed by what the clients see ({@link Ledger#whenAtLeast}, {@link BridgeClient#whenFrame},
 * {@link Tally#reaches}), labelled so a missed deadline says what did not happen; polling
 * ({@link #until}) only where nothing announces the change (an HTTP /ready, a snapshot). The
 * one deliberate pause of these tests, {@link #pause}, is here too: the pacing of the load
 * generators and of those polls, never a wait for an event.
 */
final class Await {
  static final Duration POLL = Duration.ofMillis(100);
  /** How long a test waits for the cluster to reach one state (steady load, recovered) before failing. */
  static final Duration DEADLINE = Duration.ofSeconds(60);

  private Await() {}

  /** A condition that may need a request to check. */
  @FunctionalInterface
  interface Condition {
    boolean holds() throws Exception;
  }

  /** Starts a set of labelled futures to wait for together: {@code all(what).on(...).on(...).within(deadline)}. */
  static All all(String what) {
    return new All(what);
  }

  static final class All {
    private final String what;
    private final Map<String, CompletableFuture<?>> parts = new LinkedHashMap<>();

    private All(String what) {
      this.what = what;
    }

    All on(String label, CompletableFuture<?> future) {
      parts.put(label, future);
      return this;
    }

    /** A Vert.x future (what a {@link BridgeClient} hands out), waited for the same way. */
    All on(String label, Future<?> future) {
      return on(label, future.toCompletionStage().toCompletableFuture());
    }

    /**
     * Waits until every future has completed; returns how long that took (ms). Fails, naming the
     * ones still pending, when the deadline passes first, or with the failure of one that failed.
     */
    long within(Duration deadline) throws InterruptedException {
      long start = System.nanoTime();
      try {
        CompletableFuture.allOf(parts.values().toArray(CompletableFuture[]::new))
            .get(deadline.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        List<String> pending = new ArrayList<>();
        parts.forEach((label, f) -> {
          if (!f.isDone()) {
            pending.add(label);
          }
        });
        throw new AssertionError("Waited " + deadline.toSeconds() + " s " + what + ", in vain: still pending "
            + pending.size() + " of " + parts.size() + ": " + pending);
      } catch (ExecutionException e) {
        throw new AssertionError("Waiting " + what + " failed: " + e.getCause(), e.getCause());
      }
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
  }

  /** Polls {@code condition} until it holds; fails with {@code description} after {@code deadline}. */
  static void until(String description, Duration deadline, Condition condition) throws Exception {
    if (!within(deadline, POLL, condition)) {
      throw new AssertionError("Not within " + deadline.toSeconds() + " s: " + description);
    }
  }

  /** Polls {@code condition} every {@code every} until it holds (true) or {@code deadline} passes (false). */
  static boolean within(Duration deadline, Duration every, Condition condition) throws Exception {
    long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      if (condition.holds()) {
        return true;
      }
      if (System.nanoTime() - end >= 0) {
        return false;
      }
      pause(every);
    }
  }

  /** The pacing pause of load generators and polls; throws when the thread is interrupted. */
  static void pause(Duration duration) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    for (long left = duration.toNanos(); left > 0; left = end - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  /** A thread-safe count whose thresholds can be awaited. */
  static final class Tally {
    private long count;
    private final List<Threshold> thresholds = new ArrayList<>();

    private record Threshold(long at, CompletableFuture<Void> reached) {}

    void add() {
      List<CompletableFuture<Void>> reached = new ArrayList<>();
      synchronized (this) {
        count++;
        for (Iterator<Threshold> it = thresholds.iterator(); it.hasNext(); ) {
          Threshold t = it.next();
          if (count >= t.at) {
            reached.add(t.reached);
            it.remove();
          }
        }
      }
      reached.forEach(f -> f.complete(null));
    }

    synchronized long count() {
      return count;
    }

    /** Completes once the count is at least {@code n} (at once if it is already). */
    synchronized CompletableFuture<Void> reaches(long n) {
      CompletableFuture<Void> reached = new CompletableFuture<>();
      if (count >= n) {
        reached.complete(null);
      } else {
        thresholds.add(new Threshold(n, reached));
      }
      return reached;
    }
  }
}
