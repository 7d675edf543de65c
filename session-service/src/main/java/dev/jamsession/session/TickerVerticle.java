package dev.jamsession.session;

import dev.jamsession.core.domain.Command;
import dev.jamsession.runtime.jam.CommandResult;
import dev.jamsession.runtime.jam.JamCensus;
import dev.jamsession.runtime.jam.JamStats;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advances time for the jams whose primary partition this member owns: autoplay to the next
 * song and the end of disconnect grace periods. Each jam has exactly one ticker, and it moves
 * with the partition when members come and go (docs/ARCHITECTURE.md, "Server time and the ticker").
 */
public final class TickerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(TickerVerticle.class);

  /** How often the ticker also takes a census of its jams for the gauges. */
  private static final long CENSUS_INTERVAL_MS = 5_000;

  private final SessionSettings settings;
  private JamStore store;
  private JamEvents events;
  private boolean running;

  public TickerVerticle(SessionSettings settings) {
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    store = new JamStore(vertx, settings.jams(), settings.reactions());
    events = new JamEvents(vertx, settings.metrics());
    vertx.setPeriodic(settings.tickIntervalMs(), id -> tick());
    vertx.setPeriodic(CENSUS_INTERVAL_MS, id -> census());
    settings.memberLeft().accept(nodeId -> vertx.runOnContext(v -> gatewayLost(nodeId)));
    return Future.succeededFuture();
  }

  private void tick() {
    if (running) {
      return; // the previous sweep is still running: skip rather than pile up
    }
    running = true;
    onLocalJams(new Command.Tick(settings.disconnectGraceMs()))
        .onFailure(t -> LOG.warn("Tick failed: {}", t.toString()))
        .onComplete(ar -> running = false);
  }

  /** A member died or left: if it was a gateway, its participants' grace periods start now. */
  private void gatewayLost(String nodeId) {
    onLocalJams(new Command.GatewayLost(nodeId))
        .onFailure(t -> LOG.warn("Handling the loss of member {} failed: {}", nodeId, t.toString()));
  }

  /** Runs a system command on every jam this member owns and publishes what changed. */
  private Future<Void> onLocalJams(Command command) {
    long now = System.currentTimeMillis();
    return store.localCodes()
        .compose(codes -> codes.isEmpty()
            ? Future.succeededFuture(Map.<String, CommandResult>of())
            : store.executeAll(codes, command, now))
        .onSuccess(results -> results.forEach((code, result) -> {
          if (result != null && !result.isRefused()) {
            events.publish(code, command, result, now);
          }
        }))
        .mapEmpty();
  }

  /** Each member counts its own primary jams, so the gauges add up across members. */
  private void census() {
    vertx.executeBlocking(() -> {
      Map<String, JamStats> local = settings.jams().executeOnKeys(settings.jams().localKeySet(), new JamCensus());
      JamStats total = JamStats.NONE;
      List<long[]> sizes = new ArrayList<>();
      for (JamStats jam : local.values()) {
        if (jam == null) {
          continue; // ended since its key was listed
        }
        total = total.plus(jam);
        sizes.add(new long[] {jam.participants(), jam.queuedSongs()});
      }
      settings.metrics().census(total.jams(), total.participants(), total.connectedParticipants(), sizes);
      return null;
    }, false).onFailure(t -> LOG.warn("Census failed: {}", t.toString()));
  }
}
