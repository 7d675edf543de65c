package dev.jamsession.session;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicate;
import dev.jamsession.core.domain.Command;
import dev.jamsession.core.domain.Ids;
import dev.jamsession.core.domain.Jam;
import dev.jamsession.core.domain.Outcome;
import dev.jamsession.core.domain.Settings;
import dev.jamsession.core.protocol.ErrorCode;
import dev.jamsession.core.protocol.JamException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The jams in the Hazelcast IMap, with Vert.x futures in place of Hazelcast's stages. */
final class JamStore {
  private static final int CODE_ATTEMPTS = 20;

  private final Vertx vertx;
  private final IMap<String, Jam> map;

  JamStore(Vertx vertx, IMap<String, Jam> map) {
    this.vertx = vertx;
    this.map = map;
  }

  /** Runs a command on the jam's partition owner; a refusal fails the future with its JamException. */
  Future<Outcome> execute(String code, Command command) {
    return Future.fromCompletionStage(map.submitToKey(code, new JamProcessor(command)), vertx.getOrCreateContext())
        .compose(result -> result.refusal() != null
            ? Future.failedFuture(result.refusal())
            : Future.succeededFuture(result.outcome()));
  }

  /** Runs a system command over many jams; only those that changed are in the result. */
  Future<Map<String, JamProcessor.Result>> executeAll(Set<String> codes, Command command) {
    return Future.fromCompletionStage(map.submitToKeys(codes, new JamProcessor(command)), vertx.getOrCreateContext());
  }

  /** Stores a new jam under a fresh code. */
  Future<Jam> create(String hostName, Settings settings) {
    return tryCreate(hostName, settings, Ids.SECURE.token(), CODE_ATTEMPTS);
  }

  private Future<Jam> tryCreate(String hostName, Settings settings, String hostToken, int attemptsLeft) {
    if (attemptsLeft == 0) {
      return Future.failedFuture(new JamException(ErrorCode.UNAVAILABLE, "Could not allocate a session code"));
    }
    Jam jam = Jam.create(Ids.SECURE.sessionCode(), hostName, hostToken, settings, System.currentTimeMillis());
    return Future.fromCompletionStage(map.submitToKey(jam.code(), new CreateIfAbsent(jam)), vertx.getOrCreateContext())
        .compose(created -> created
            ? Future.succeededFuture(jam)
            : tryCreate(hostName, settings, hostToken, attemptsLeft - 1));
  }

  /** Stores a jam unless its code is taken; deterministic, so the backup simply runs it again. */
  private record CreateIfAbsent(Jam jam) implements EntryProcessor<String, Jam, Boolean> {
    @Override
    public Boolean process(Map.Entry<String, Jam> entry) {
      if (entry.getValue() != null) {
        return false;
      }
      entry.setValue(jam);
      return true;
    }
  }

  Future<Jam> get(String code) {
    return Future.fromCompletionStage(map.getAsync(code), vertx.getOrCreateContext())
        .compose(jam -> jam == null
            ? Future.failedFuture(new JamException(ErrorCode.NOT_FOUND, "No jam with code " + code))
            : Future.succeededFuture(jam));
  }

  /** Listed jams (or all), newest first. The query is a blocking call, so it runs on a worker. */
  Future<List<Jam>> list(boolean all) {
    Predicate<String, Jam> predicate = all ? e -> true : e -> e.getValue().settings().listed();
    return vertx.executeBlocking(() -> {
      Collection<Jam> values = map.values(predicate);
      List<Jam> sorted = new ArrayList<>(values);
      sorted.sort(Comparator.comparingLong(Jam::createdAt).reversed());
      return sorted;
    }, false);
  }

  /**
   * Codes of jams with no activity since {@code idleBefore}, or empty for at least the grace.
   * A hint only: {@link Command.Expire} re-checks each one atomically.
   */
  Future<List<String>> expiryCandidates(long idleBefore, long graceMs) {
    long emptyBefore = System.currentTimeMillis() - graceMs;
    Predicate<String, Jam> predicate = e -> e.getValue().lastActivity() < idleBefore
        || (e.getValue().isEmpty() && e.getValue().lastActivity() <= emptyBefore);
    return vertx.executeBlocking(() -> List.copyOf(map.keySet(predicate)), false);
  }

  /** {jams, participants, connected, queued songs, playing jams} over the whole cluster. */
  Future<long[]> stats() {
    return vertx.executeBlocking(() -> map.aggregate(new JamStatsAggregator()), false);
  }

  /** This member's jams that satisfy {@code condition} (a query of its own partitions only). */
  Future<Set<String>> localCodesWhere(java.util.function.Predicate<Jam> condition) {
    Predicate<String, Jam> predicate = e -> condition.test(e.getValue());
    return vertx.executeBlocking(() -> map.localKeySet(predicate), false);
  }

  /** The codes whose primary replica lives in this member: the ticker's share of the jams. */
  Future<Set<String>> localCodes() {
    return vertx.executeBlocking(map::localKeySet, false);
  }
}
