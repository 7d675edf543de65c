package dev.jamsession.session;

import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import dev.jamsession.core.domain.Command;
import dev.jamsession.core.domain.Jam;
import dev.jamsession.core.domain.ReactionWindow;
import dev.jamsession.core.domain.SecureIds;
import dev.jamsession.core.domain.Settings;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import dev.jamsession.runtime.JamNode;
import dev.jamsession.runtime.jam.CommandResult;
import dev.jamsession.runtime.jam.CreateIfAbsent;
import dev.jamsession.runtime.jam.JamProcessor;
import dev.jamsession.runtime.jam.JamQueries;
import dev.jamsession.runtime.jam.JamStats;
import dev.jamsession.runtime.jam.JamStatsAggregator;
import dev.jamsession.runtime.jam.ReactionGate;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The jams in the Hazelcast IMap, and the reaction windows beside them, with Vert.x futures in
 * place of Hazelcast's stages.
 */
final class JamStore {
  private static final int CODE_ATTEMPTS = 20;

  private final Vertx vertx;
  private final IMap<String, Jam> map;
  private final IMap<String, ReactionWindow> reactions;

  JamStore(Vertx vertx, IMap<String, Jam> map, IMap<String, ReactionWindow> reactions) {
    this.vertx = vertx;
    this.map = map;
    this.reactions = reactions;
  }

  /**
   * Runs a command at {@code now} on the jam's partition owner; a refusal fails the future with
   * its JamException.
   */
  Future<CommandResult> execute(String code, Command command, long now) {
    return onContext(map.submitToKey(code, JamProcessor.of(command, now)))
        .compose(result -> result.isRefused()
            ? Future.failedFuture(result.refusalException())
            : Future.succeededFuture(result));
  }

  /**
   * Counts a reaction against its sender's window (PROTOCOL §12), kept beside the jam and not in
   * it since a reaction changes no revision (docs/ARCHITECTURE.md, "Reactions change no state");
   * RATE_LIMITED when the window is full.
   */
  Future<Void> admitReaction(String code, String participantId, long now) {
    return onContext(reactions.submitToKey(JamNode.reactionKey(code, participantId),
            new ReactionGate(now)))
        .compose(accepted -> accepted ? Future.succeededFuture() : Future.failedFuture(ReactionWindow.limitReached()));
  }

  /** Runs a system command over many jams; only those that changed are in the result. */
  Future<Map<String, CommandResult>> executeAll(Set<String> codes, Command command, long now) {
    return onContext(map.submitToKeys(codes, JamProcessor.of(command, now)));
  }

  /**
   * A Hazelcast operation's completion on this verticle's context. Not through a plain
   * {@code whenComplete}: Hazelcast runs that on its default async executor, which on a machine of
   * one or two cores starts a new thread for every callback (its ConcurrencyUtil falls back to a
   * thread per task when the common pool has no parallelism): a thread per command. Here the
   * callback runs on the thread that completed the operation and only hands the result on.
   */
  private <T> Future<T> onContext(CompletionStage<T> operation) {
    CompletableFuture<T> done = new CompletableFuture<>();
    operation.whenCompleteAsync((value, failure) -> {
      if (failure != null) {
        done.completeExceptionally(failure);
      } else {
        done.complete(value);
      }
    }, Runnable::run);
    return Future.fromCompletionStage(done, vertx.getOrCreateContext());
  }

  /** Stores a new jam under a fresh code. */
  Future<Jam> create(String hostName, Settings settings) {
    return tryCreate(hostName, settings, SecureIds.token(), CODE_ATTEMPTS);
  }

  private Future<Jam> tryCreate(String hostName, Settings settings, String hostToken, int attemptsLeft) {
    if (attemptsLeft == 0) {
      return Future.failedFuture(new JamException(ErrorCode.UNAVAILABLE, "Could not allocate a session code"));
    }
    Jam jam = Jam.create(SecureIds.sessionCode(), hostName, hostToken, settings, System.currentTimeMillis());
    return onContext(map.submitToKey(jam.code(), new CreateIfAbsent(jam)))
        .compose(created -> created
            ? Future.succeededFuture(jam)
            : tryCreate(hostName, settings, hostToken, attemptsLeft - 1));
  }

  Future<Jam> get(String code) {
    return onContext(map.getAsync(code))
        .compose(jam -> jam == null
            ? Future.failedFuture(new JamException(ErrorCode.NOT_FOUND, "No jam with code " + code))
            : Future.succeededFuture(jam));
  }

  /** Listed jams (or all), newest first. The query is a blocking call, so it runs on a worker. */
  Future<List<Jam>> list(boolean all) {
    return vertx.executeBlocking(() -> {
      List<Jam> sorted = new ArrayList<>(all ? map.values() : map.values(new JamQueries.Listed()));
      sorted.sort(Comparator.comparingLong(Jam::createdAt).reversed());
      return sorted;
    }, false);
  }

  /**
   * Codes of jams with no activity since {@code idleBefore}, or empty for at least the grace.
   * A hint only: {@link Command.Expire} re-checks each one atomically.
   */
  Future<List<String>> expiryCandidates(long idleBefore, long graceMs) {
    Predicate<String, Jam> candidate =
        new JamQueries.ExpiryCandidate(idleBefore, System.currentTimeMillis() - graceMs);
    return vertx.executeBlocking(() -> List.copyOf(map.keySet(candidate)), false);
  }

  /** Totals over the whole cluster. */
  Future<JamStats> stats() {
    return vertx.executeBlocking(() -> map.aggregate(new JamStatsAggregator()), false);
  }

  /** This member's jams that satisfy {@code condition} (a query of its own partitions only). */
  Future<Set<String>> localCodesWhere(Predicate<String, Jam> condition) {
    return vertx.executeBlocking(() -> map.localKeySet(condition), false);
  }

  /** The codes whose primary replica lives in this member: the ticker's share of the jams. */
  Future<Set<String>> localCodes() {
    return vertx.executeBlocking(map::localKeySet, false);
  }
}
